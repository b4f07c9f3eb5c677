/**
 * The Ownership Portal's audit rules, their engine and the document parsers
 * they depend on (ADRs, runbooks, tech debt registers), shared by the
 * ownership backend and the `ownership-lint` CLI. Nothing here needs a
 * Backstage backend.
 *
 * @packageDocumentation
 */

export type { OwnershipRule, RuleContext, RuleOutcome } from './rules/types';
export { validateRule } from './rules/validateRule';
export { builtInRules } from './rules';
export { RUNBOOK_STALE_MAX_AGE_DAYS } from './rules/runbook/runbookStale';
export { RuleEngine, type RuleEvaluation } from './engine/RuleEngine';
export type { WarningLogger } from './engine/WarningLogger';
export type {
  DocumentProblem,
  DocumentReader,
  DocumentResult,
  FolderResult,
  ReadDocument,
} from './docs/types';
export {
  LocalDocumentReader,
  type LocalDocumentReaderOptions,
} from './docs/reader/LocalDocumentReader';
export { createLimiter, type Limiter } from './docs/reader/limiter';
export { resolveTarget } from './docs/reader/resolveTarget';
export { parseFrontMatter, type FrontMatter } from './docs/frontMatter';
export { collectRunbooks } from './docs/runbooks/collectRunbooks';
export { readEntityAdrs, type EntityAdrs } from './docs/adr/readEntityAdrs';
export {
  readDebtRegister,
  type DebtRegisterRead,
} from './docs/debt/readDebtRegister';
export {
  summariseDebt,
  DEFAULT_MAX_AGE_DAYS as DEFAULT_DEBT_MAX_AGE_DAYS,
} from './docs/debt/summarise';
export { DAY_MS } from './time';
export {
  decodeText,
  hasExtension,
  isHiddenPath,
  notTextReason,
  tooLargeReason,
} from './docs/reader/text';
export {
  freshnessOf,
  readRunbook,
  type RunbookReading,
} from './docs/runbooks/reviewDate';
export {
  kindOfRef,
  nameOfRef,
  refOf,
  stringList,
  toFullRef,
} from './resolve/refs';
export {
  DEFAULT_OWNER_PLACEHOLDERS,
  readOwnerRef,
  type WrittenOwner,
} from './resolve/ownerRef';
export {
  linksOf,
  toServiceRecord,
  type ServiceRecord,
} from './resolve/serviceRecord';
