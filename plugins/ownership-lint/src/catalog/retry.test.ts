import {
  backoffMs,
  DEFAULT_RETRY,
  isRetryableStatus,
  retryAfterMs,
} from './retry';

describe('retry', () => {
  it('retries 408, 429 and 5xx only', () => {
    expect([408, 429, 500, 503, 400, 401, 404].map(isRetryableStatus)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    expect(retryAfterMs('2', now)).toBe(2000);
    expect(retryAfterMs('Mon, 07 Dec 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Mon, 07 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it('doubles the backoff with jitter and caps it, Retry-After included', () => {
    expect(backoffMs(DEFAULT_RETRY, 1, undefined, () => 0)).toBe(250);
    expect(backoffMs(DEFAULT_RETRY, 3, undefined, () => 1)).toBe(2000);
    expect(backoffMs(DEFAULT_RETRY, 20, undefined, () => 1)).toBe(20_000);
    expect(backoffMs(DEFAULT_RETRY, 1, 120_000)).toBe(20_000);
    expect(backoffMs(DEFAULT_RETRY, 1, 1500)).toBe(1500);
  });
});
