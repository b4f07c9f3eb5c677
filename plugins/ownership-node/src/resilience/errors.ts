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
