import { createResilience } from './createResilience';
import {
  isTransientFailure,
  RemoteHttpError,
  ResilienceError,
  retryAfterMs,
} from './errors';

const quick = { initialDelayMs: 1, random: () => 0, halfOpenAfterMs: 50 };

describe('createResilience', () => {
  it('retries retryable failures with backoff and gives up after maxAttempts', async () => {
    const resilience = createResilience({
      name: 'Test',
      ...quick,
      maxAttempts: 3,
    });
    const call = jest
      .fn()
      .mockRejectedValueOnce(new RemoteHttpError(503, 'unavailable'))
      .mockResolvedValueOnce('ok');
    await expect(resilience.execute(call)).resolves.toBe('ok');
    expect(call).toHaveBeenCalledTimes(2);

    const failing = jest
      .fn()
      .mockRejectedValue(new RemoteHttpError(500, 'boom'));
    await expect(resilience.execute(failing)).rejects.toThrow('boom');
    expect(failing).toHaveBeenCalledTimes(3);
  });

  it('does not retry client errors', async () => {
    const resilience = createResilience({ name: 'Test', ...quick });
    const call = jest
      .fn()
      .mockRejectedValue(new RemoteHttpError(404, 'not found'));
    await expect(resilience.execute(call)).rejects.toThrow('not found');
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('waits as long as the server asks', async () => {
    const resilience = createResilience({ name: 'Test', ...quick });
    const call = jest
      .fn()
      .mockRejectedValueOnce(new RemoteHttpError(429, 'slow down', 120))
      .mockResolvedValueOnce('ok');
    const started = Date.now();
    await resilience.execute(call);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('times out a slow call and names the system', async () => {
    const resilience = createResilience({
      name: 'Slowpoke',
      ...quick,
      timeoutMs: 20,
      maxAttempts: 1,
    });
    await expect(
      resilience.execute(
        () => new Promise(resolve => setTimeout(resolve, 500)),
      ),
    ).rejects.toThrow('Slowpoke did not answer within 20 ms');
  });

  it('opens the breaker after consecutive failures and lets a trial through later', async () => {
    const resilience = createResilience({
      name: 'Flaky',
      ...quick,
      maxAttempts: 1,
      breakerThreshold: 2,
    });
    const failing = jest
      .fn()
      .mockRejectedValue(new RemoteHttpError(502, 'bad gateway'));
    await expect(resilience.execute(failing)).rejects.toThrow('bad gateway');
    await expect(resilience.execute(failing)).rejects.toThrow('bad gateway');
    await expect(resilience.execute(failing)).rejects.toThrow(
      'Flaky is failing',
    );
    expect(failing).toHaveBeenCalledTimes(2);
    expect(resilience.state).toBe('open');

    await new Promise(resolve => setTimeout(resolve, 60));
    await expect(resilience.execute(async () => 'back')).resolves.toBe('back');
    expect(resilience.state).toBe('closed');
  });

  it('logs each change of the breaker state, and fails fast with a ResilienceError while open', async () => {
    const lines: Array<[string, string, unknown]> = [];
    const logger = {
      info: (message: string, meta?: unknown) =>
        lines.push(['info', message, meta]),
      warn: (message: string, meta?: unknown) =>
        lines.push(['warn', message, meta]),
      error: jest.fn(),
      debug: jest.fn(),
      child: jest.fn(),
    };
    const resilience = createResilience({
      name: 'Wiki',
      ...quick,
      logger,
      maxAttempts: 1,
      breakerThreshold: 1,
      halfOpenAfterMs: 400,
    });
    await expect(
      resilience.execute(async () => {
        throw new RemoteHttpError(500, 'boom');
      }),
    ).rejects.toThrow('boom');
    const open = await resilience
      .execute(async () => 'never')
      .catch(error => error);
    expect(open).toBeInstanceOf(ResilienceError);
    expect(open.kind).toBe('open');
    expect(open.message).toContain('circuit breaker open');
    expect(isTransientFailure(open)).toBe(true);

    await new Promise(resolve => setTimeout(resolve, 450));
    await resilience.execute(async () => 'back');
    expect(lines.filter(([, , meta]) => meta)).toEqual([
      [
        'warn',
        'Wiki circuit breaker open: 1 calls in a row failed; calls pause for 400 ms',
        { remote: 'Wiki', breaker: 'open' },
      ],
      [
        'info',
        'Wiki circuit breaker half-open: trying one call',
        { remote: 'Wiki', breaker: 'half-open' },
      ],
      [
        'info',
        'Wiki circuit breaker closed: Wiki answers again',
        { remote: 'Wiki', breaker: 'closed' },
      ],
    ]);
  });

  it('throws a ResilienceError of kind timeout for a slow call', async () => {
    const resilience = createResilience({
      name: 'Slow',
      ...quick,
      timeoutMs: 10,
      maxAttempts: 1,
    });
    const error = await resilience
      .execute(() => new Promise(resolve => setTimeout(resolve, 200)))
      .then(
        () => undefined,
        (e: unknown) => e as ResilienceError,
      );
    expect(error).toBeInstanceOf(ResilienceError);
    expect(error?.kind).toBe('timeout');
  });
});

describe('isTransientFailure', () => {
  it.each([
    ['a 500', new RemoteHttpError(500, 'x'), true],
    ['a 503', new RemoteHttpError(503, 'x'), true],
    ['a 429', new RemoteHttpError(429, 'x'), true],
    ['a 408', new RemoteHttpError(408, 'x'), true],
    ['a timeout', new ResilienceError('timeout', 'x'), true],
    ['an open breaker', new ResilienceError('open', 'x'), true],
    ['a full queue', new ResilienceError('saturated', 'x'), true],
    [
      'a reset connection',
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      true,
    ],
    [
      "undici's fetch failure",
      new TypeError('fetch failed', {
        cause: Object.assign(new Error('other side closed'), {
          code: 'UND_ERR_SOCKET',
        }),
      }),
      true,
    ],
    [
      'an abort',
      Object.assign(new Error('aborted'), { name: 'AbortError' }),
      true,
    ],
    ['a 404', new RemoteHttpError(404, 'x'), false],
    ['a 410', new RemoteHttpError(410, 'x'), false],
    ['a 403', new RemoteHttpError(403, 'x'), false],
    ['a plain error', new Error('bad config'), false],
    ['a non-error', 'oops', false],
  ])('takes %s as transient: %p', (_name, error, expected) => {
    expect(isTransientFailure(error)).toBe(expected);
  });

  it('lets a RemoteHttpError subclass call a non-retryable failure transient', () => {
    class UsedUp extends RemoteHttpError {
      override get retryable() {
        return false;
      }
      override get transient() {
        return true;
      }
    }
    expect(isTransientFailure(new UsedUp(403, 'rate limit'))).toBe(true);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-12-01T10:00:00Z');
  it.each([
    [{ 'retry-after': '3' }, 3000],
    [{ 'retry-after': 'Tue, 01 Dec 2026 10:00:05 GMT' }, 5000],
    [{ 'x-ratelimit-reset': String(now / 1000 + 7) }, 7000],
    [{ 'ratelimit-reset': '2' }, 2000],
    [{}, undefined],
  ])('reads %p', (headers, expected) => {
    expect(
      retryAfterMs(new Headers(headers as Record<string, string>), now),
    ).toBe(expected);
  });
});
