import { ResponseError } from '@backstage/errors';

/**
 * What went wrong, in the backend's words when it answered with an error
 * body (a 400 names the field, a 403 the permission, a 409 the state).
 */
export function errorMessage(error: unknown): string {
  if (ResponseError.is(error)) {
    return error.body?.error?.message || error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
