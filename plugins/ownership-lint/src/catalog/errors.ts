import { LintUsageError } from '../cli/errors';

/** The portal refused the token (401 or 403). The CLI exits with code 2. */
export class CatalogAuthError extends LintUsageError {
  override name = 'CatalogAuthError';
}

/** The portal did not give a definite answer after every retry. The CLI exits with code 2. */
export class CatalogUnavailableError extends LintUsageError {
  override name = 'CatalogUnavailableError';
}
