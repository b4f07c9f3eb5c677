import { createResilience } from './createResilience';
import { RemoteHttpError, retryAfterMs } from './errors';

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
