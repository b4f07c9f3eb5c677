/**
 * Where the engine reports rules that fail or settings that name no rule:
 * the backend's LoggerService, or a CLI's stderr.
 *
 * @public
 */
export interface WarningLogger {
  warn(message: string): void;
}
