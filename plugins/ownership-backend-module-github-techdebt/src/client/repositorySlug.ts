/** An owner and repository that are safe to put into a GitHub API path. */
interface RepositorySlug {
  owner: string;
  repo: string;
}

/**
 * A `github.com/project-slug` (or an owner or repository) that does not name
 * a GitHub repository. Nothing is asked of GitHub for it: a `..` segment
 * would turn `/repos/../user/issues` into `/user/issues` and send the
 * integration's token there.
 */
export class InvalidRepositorySlugError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRepositorySlugError';
  }
}

/** GitHub's longest repository name; account names are shorter still. */
const MAX_NAME = 100;
/** Accounts: letters, digits, `-`, and `_` (enterprise managed users). No dots. */
const OWNER = /^[A-Za-z0-9_-]+$/;
/** Repositories: letters, digits, `.`, `-` and `_`. */
const REPO = /^[A-Za-z0-9._-]+$/;

/** A value as shown in an error: quoted, escaped and cut short. */
function shown(value: string): string {
  const cut = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return JSON.stringify(cut);
}

/** Why `owner` cannot be a GitHub account name, or undefined when it can. */
function ownerProblem(owner: string): string | undefined {
  if (!owner) {
    return 'the owner is empty';
  }
  if (owner.length > MAX_NAME) {
    return `the owner is longer than ${MAX_NAME} characters`;
  }
  if (!OWNER.test(owner)) {
    return `the owner ${shown(
      owner,
    )} is not a GitHub account name (letters, digits, "-" and "_" only)`;
  }
  return undefined;
}

/** Why `repo` cannot be a GitHub repository name, or undefined when it can. */
function repoProblem(repo: string): string | undefined {
  if (!repo) {
    return 'the repository is empty';
  }
  if (repo === '.' || repo === '..') {
    return `the repository ${shown(repo)} is a path segment, not a name`;
  }
  if (repo.length > MAX_NAME) {
    return `the repository is longer than ${MAX_NAME} characters`;
  }
  if (!REPO.test(repo)) {
    return `the repository ${shown(
      repo,
    )} is not a GitHub repository name (letters, digits, ".", "-" and "_" only)`;
  }
  return undefined;
}

/**
 * Checks an owner and repository before they go into a request path.
 *
 * @throws InvalidRepositorySlugError naming what is wrong.
 */
export function assertRepository(owner: string, repo: string): void {
  const problem = ownerProblem(owner) ?? repoProblem(repo);
  if (problem) {
    throw new InvalidRepositorySlugError(
      `${shown(`${owner}/${repo}`)} is not a GitHub repository: ${problem}`,
    );
  }
}

/**
 * Reads an `owner/repo` slug, as `github.com/project-slug` holds it; a
 * trailing `.git` is dropped. Returns the reason in words when the value
 * names no repository: not two segments, an empty, `.` or `..` segment, or
 * characters GitHub does not allow in names.
 */
export function parseRepositorySlug(
  value: string,
): { slug: RepositorySlug } | { error: string } {
  const trimmed = value.trim();
  const parts = trimmed.split('/');
  if (parts.length !== 2) {
    return {
      error: `${shown(trimmed)} is not of the form owner/repository`,
    };
  }
  const owner = parts[0];
  const repo = parts[1].replace(/\.git$/, '');
  const problem = ownerProblem(owner) ?? repoProblem(repo);
  return problem
    ? { error: `${shown(trimmed)} is not a GitHub repository: ${problem}` }
    : { slug: { owner, repo } };
}
