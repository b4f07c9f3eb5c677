/**
 * Where the engine reports rules that fail or settings that name no rule:
 * the backend's LoggerService, or a CLI's stderr.
 *
 * @public
 */
export interface WarningLogger {
  /** Reports a problem that is not a finding. */
  warn(message: string): void;
}
