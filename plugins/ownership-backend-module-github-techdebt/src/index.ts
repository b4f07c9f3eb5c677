/**
 * GitHub issues as a tech debt source for the Ownership Portal backend.
 *
 * @packageDocumentation
 */

export { ownershipModuleGithubTechDebt as default } from './module';
export {
  GithubTechDebtSource,
  type GithubTechDebtSourceOptions,
  PROJECT_SLUG_ANNOTATION,
} from './GithubTechDebtSource';
export { GithubRateLimitError } from './client/GithubIssuesClient';
