import { NotFoundError, ResponseError } from '@backstage/errors';

/**
 * True for a 404 from the ownership backend: a `ResponseError` with status
 * 404, or a `NotFoundError` (also when serialised across package copies).
 */
export function isNotFoundError(error: unknown): boolean {
  if (ResponseError.is(error)) {
    return error.statusCode === 404;
  }
  return NotFoundError.is(error);
}
