import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  BrokenCircuitError,
  BulkheadRejectedError,
  bulkhead,
  circuitBreaker,
  ConsecutiveBreaker,
  DelegateBackoff,
  handleWhen,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import { RemoteHttpError, ResilienceError } from './errors';

/**
 * Settings of {@link createResilience}; every field has a default.
 *
 * @public
 */
export interface ResilienceOptions {
  /** Names the remote system in logs and errors, e.g. `PagerDuty`. */
  name: string;
  logger?: LoggerService;
  /** Timeout of each attempt. Default 5 s. */
  timeoutMs?: number;
  /** Attempts in all, the first included. Default 3. */
  maxAttempts?: number;
  /** First backoff delay; doubles per attempt, with jitter. Default 250 ms. */
  initialDelayMs?: number;
  /** Longest wait between attempts, `Retry-After` included. Default 30 s. */
  maxDelayMs?: number;
  /** Consecutive failed calls that open the breaker. Default 5. */
  breakerThreshold?: number;
  /** How long the breaker stays open before one trial call. Default 30 s. */
  halfOpenAfterMs?: number;
  /** Calls in flight at once. Default 4. */
  concurrency?: number;
  /** Calls waiting for a slot; more are rejected at once. Default 100. */
  queue?: number;
  /** For tests: replaces the jitter's random source. */
  random?: () => number;
}

/**
 * Runs calls to one remote system with a timeout per attempt, bounded
 * retries with exponential backoff and jitter (honouring `Retry-After`),
 * a circuit breaker and a concurrency limit.
 *
 * @public
 */
export interface Resilience {
  /** Runs `call` under the policies; `signal` aborts on timeout. */
  execute<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** `open` while the breaker rejects calls, else `closed` (or `half-open` during a trial). */
  readonly state: 'closed' | 'open' | 'half-open';
}

function isRetryable(error: unknown): boolean {
  if (error instanceof RemoteHttpError) {
    return error.retryable;
  }
  return !(
    error instanceof BrokenCircuitError ||
    error instanceof BulkheadRejectedError
  );
}

/**
 * Builds the {@link Resilience} policies for one remote system. Share one
 * instance per system, so that its breaker and concurrency limit are shared.
 *
 * @public
 */
export function createResilience(options: ResilienceOptions): Resilience {
  const {
    name,
    logger,
    timeoutMs = 5_000,
    maxAttempts = 3,
    initialDelayMs = 250,
    maxDelayMs = 30_000,
    breakerThreshold = 5,
    halfOpenAfterMs = 30_000,
    concurrency = 4,
    queue = 100,
    random = Math.random,
  } = options;

  const retryPolicy = retry(handleWhen(isRetryable), {
    maxAttempts: maxAttempts - 1,
    backoff: new DelegateBackoff(context => {
      const failure =
        'error' in context.result ? context.result.error : undefined;
      const exponential = Math.min(
        maxDelayMs,
        initialDelayMs * 2 ** (context.attempt - 1),
      );
      const jittered = exponential / 2 + random() * (exponential / 2);
      const asked =
        failure instanceof RemoteHttpError ? failure.waitMs : undefined;
      return Math.min(maxDelayMs, Math.max(jittered, asked ?? 0));
    }),
  });
  retryPolicy.onRetry(event => {
    const reason =
      'error' in event ? (event.error as Error).message : 'a bad result';
    logger?.warn(
      `${name} call failed (${reason}); retrying in ${Math.round(
        event.delay,
      )} ms`,
    );
  });

  const breaker = circuitBreaker(handleWhen(isRetryable), {
    halfOpenAfter: halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(breakerThreshold),
  });
  // The breaker's state changes are logged with a `breaker` field, so that
  // an operator can follow an outage (and tests can see the state).
  breaker.onBreak(() =>
    logger?.warn(
      `${name} circuit breaker open: ${breakerThreshold} calls in a row failed; calls pause for ${halfOpenAfterMs} ms`,
      { remote: name, breaker: 'open' },
    ),
  );
  breaker.onHalfOpen(() =>
    logger?.info(`${name} circuit breaker half-open: trying one call`, {
      remote: name,
      breaker: 'half-open',
    }),
  );
  breaker.onReset(() =>
    logger?.info(`${name} circuit breaker closed: ${name} answers again`, {
      remote: name,
      breaker: 'closed',
    }),
  );

  const policy = wrap(
    bulkhead(concurrency, queue),
    breaker,
    retryPolicy,
    timeout(timeoutMs, TimeoutStrategy.Aggressive),
  );

  return {
    async execute(call) {
      try {
        return await policy.execute(({ signal }) => call(signal));
      } catch (error) {
        if (error instanceof TaskCancelledError) {
          throw new ResilienceError(
            'timeout',
            `${name} did not answer within ${timeoutMs} ms`,
          );
        }
        if (error instanceof BrokenCircuitError) {
          throw new ResilienceError(
            'open',
            `${name} is failing; calls are paused for up to ${halfOpenAfterMs} ms (circuit breaker open)`,
          );
        }
        if (error instanceof BulkheadRejectedError) {
          throw new ResilienceError(
            'saturated',
            `${name} has too many calls waiting`,
          );
        }
        throw error;
      }
    },
    get state() {
      const states = ['closed', 'open', 'half-open', 'open'] as const;
      return states[breaker.state] ?? 'closed';
    },
  };
}
