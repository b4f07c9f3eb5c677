import { CustomErrorBase, InputError, isError } from '@backstage/errors';

/**
 * A request parameter that the query services refuse, e.g. a team that is
 * not in the run or a cursor made for another listing. The message names the
 * parameter and why; the router and the actions answer it as a bad request.
 */
export class InvalidParameterError extends CustomErrorBase {
  constructor(
    /** The parameter's name, e.g. `team`. */
    readonly parameter: string,
    /** Why it is refused, e.g. `group:default/x is not a Group in audit run 4`. */
    readonly reason: string,
  ) {
    super(`Invalid query parameter ${parameter}: ${reason}`);
    // Set explicitly (not left to the class name) so toInputError recognises it.
    this.name = 'InvalidParameterError';
  }
}

/**
 * An {@link InvalidParameterError} as the `InputError` that Backstage answers
 * with a 400, with the same message; any other error as it is.
 */
export function toInputError(error: unknown): unknown {
  return isError(error) && error.name === 'InvalidParameterError'
    ? new InputError(error.message)
    : error;
}
