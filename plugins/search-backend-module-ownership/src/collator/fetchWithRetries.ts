/** How {@link fetchWithRetries} tries. */
export interface RetryOptions {
  /** Timeout of each attempt, in milliseconds. */
  timeoutMs: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First backoff delay in milliseconds; doubles per attempt, with jitter. */
  initialDelayMs?: number;
  /** Longest wait between attempts, `Retry-After` included, in milliseconds. */
  maxDelayMs?: number;
  /** For tests: the jitter's random source and the wait. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Statuses worth asking again: the server could not answer just now. */
function retryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** How long a response asks to wait (`Retry-After` in seconds or as a date), in ms. */
function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const value = headers.get('retry-after');
  if (!value) {
    return undefined;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * `fetch` with a timeout per attempt and bounded retries with exponential
 * backoff and jitter on 408, 429 and 5xx answers, timeouts and failed
 * connections, waiting at least as long as `Retry-After` asks (capped).
 * Answers with the first response that is not retryable, or the last one;
 * rejects with the last error when no attempt got a response.
 */
export async function fetchWithRetries(
  url: string,
  init: RequestInit,
  options: RetryOptions,
): Promise<Response> {
  const {
    timeoutMs,
    maxAttempts,
    initialDelayMs = 500,
    maxDelayMs = 30_000,
    random = Math.random,
    sleep = ms => new Promise(resolve => setTimeout(resolve, ms)),
  } = options;
  for (let attempt = 1; ; attempt++) {
    let waitMs: number | undefined;
    try {
      const response = await fetch(url, {
        ...init,
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!retryable(response.status) || attempt >= maxAttempts) {
        return response;
      }
      waitMs = retryAfterMs(response.headers);
      // The body of a failed attempt is not needed; read it to free the connection.
      await response.arrayBuffer().catch(() => undefined);
    } catch (error) {
      if (attempt >= maxAttempts) {
        const reason =
          (error as Error).name === 'TimeoutError'
            ? `no answer within ${timeoutMs} ms`
            : (error as Error).message;
        throw new Error(
          `GET ${url} failed after ${attempt} attempt(s): ${reason}`,
          { cause: error },
        );
      }
    }
    const exponential = Math.min(
      maxDelayMs,
      initialDelayMs * 2 ** (attempt - 1),
    );
    const jittered = exponential / 2 + random() * (exponential / 2);
    await sleep(Math.min(maxDelayMs, Math.max(jittered, waitMs ?? 0)));
  }
}
