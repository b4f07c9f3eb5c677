/**
 * Runs tasks with at most a fixed number in flight; the rest wait their turn.
 *
 * @public
 */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * A small semaphore: at most `concurrency` tasks run at once, later ones
 * queue in order (never rejected). Do not call the limiter from inside a
 * limited task, or it may wait for itself.
 *
 * @public
 */
export function createLimiter(concurrency: number): Limiter {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(
      `concurrency must be a whole number of at least 1, got ${concurrency}`,
    );
  }
  let running = 0;
  const waiting: Array<() => void> = [];

  const release = () => {
    const next = waiting.shift();
    if (next) {
      next();
    } else {
      running -= 1;
    }
  };

  return async task => {
    if (running < concurrency) {
      running += 1;
    } else {
      // The releasing task hands its slot over, so `running` stays the same.
      await new Promise<void>(resolve => waiting.push(resolve));
    }
    try {
      return await task();
    } finally {
      release();
    }
  };
}
