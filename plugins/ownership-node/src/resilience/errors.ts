/**
 * A remote system answered with an HTTP error status.
 *
 * @public
 */
export class RemoteHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** How long the server asked to wait before trying again (429/503), in ms. */
    readonly waitMs?: number,
  ) {
    super(message);
    this.name = 'RemoteHttpError';
  }

  /** 408, 425, 429 and 5xx are worth trying again; other 4xx are not. */
  get retryable(): boolean {
    return (
      this.status === 408 ||
      this.status === 425 ||
      this.status === 429 ||
      this.status >= 500
    );
  }

  /**
   * Whether the failure says nothing about the thing asked for, only that
   * the remote system could not answer just now. Retryable failures are;
   * subclasses may say so of failures not worth retrying, e.g. a rate limit
   * that resets in an hour.
   */
  get transient(): boolean {
    return this.retryable;
  }
}

/**
 * Why {@link createResilience} did not let a call through or complete:
 * `timeout` (the attempt took longer than `timeoutMs`), `open` (the circuit
 * breaker is open) or `saturated` (too many calls waiting).
 *
 * @public
 */
export class ResilienceError extends Error {
  constructor(
    readonly kind: 'timeout' | 'open' | 'saturated',
    message: string,
  ) {
    super(message);
    this.name = 'ResilienceError';
  }
}

/** Node's and undici's codes of a connection that failed or dropped. */
const NETWORK_CODES =
  /^(?:ECONNRESET|ECONNREFUSED|ECONNABORTED|EPIPE|ETIMEDOUT|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ENETDOWN|UND_ERR_\w+)$/;

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Whether a failed call to a remote system is transient: a timeout, an
 * open breaker, a full queue, a 408/425/429/5xx answer (or any
 * {@link RemoteHttpError} that says it is transient), a dropped or refused
 * connection, or an aborted request. Such a failure tells nothing about
 * what was asked for, so it must never become a finding: callers serve
 * their last good answer marked stale, or say the answer is unknown.
 * Definite answers (404, 410, a refused URL, a bad document) are not
 * transient.
 *
 * @public
 */
export function isTransientFailure(error: unknown): boolean {
  for (
    let current: unknown = error, depth = 0;
    current && depth < 5;
    current = (current as { cause?: unknown }).cause, depth++
  ) {
    if (current instanceof RemoteHttpError) {
      return current.transient;
    }
    if (current instanceof ResilienceError) {
      return true;
    }
    const code = codeOf(current);
    if (code && NETWORK_CODES.test(code)) {
      return true;
    }
    const name = (current as { name?: unknown }).name;
    if (name === 'AbortError' || name === 'TimeoutError') {
      return true;
    }
    // fetch (undici, and msw's HttpResponse.error()) rejects with a
    // TypeError when the connection fails, whatever the cause.
    if (
      current instanceof TypeError &&
      /fetch failed|failed to fetch|network/i.test(current.message)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * How long a response asks the client to wait, from `Retry-After` (seconds
 * or an HTTP date) or rate-limit reset headers (`X-RateLimit-Reset`,
 * `RateLimit-Reset`: epoch seconds or seconds from now), in milliseconds.
 *
 * @public
 */
export function retryAfterMs(
  headers: Headers,
  now = Date.now(),
): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) {
      return Math.max(0, seconds * 1000);
    }
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) {
      return Math.max(0, date - now);
    }
  }
  const reset =
    headers.get('x-ratelimit-reset') ?? headers.get('ratelimit-reset');
  if (reset && Number.isFinite(Number(reset))) {
    const value = Number(reset);
    // Epoch seconds are large; small values are a delay in seconds.
    return Math.max(0, value > 1e9 ? value * 1000 - now : value * 1000);
  }
  return undefined;
}
