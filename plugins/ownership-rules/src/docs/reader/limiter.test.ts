import { createLimiter } from './limiter';

describe('createLimiter', () => {
  it('runs at most the given number at once and queues the rest in order', async () => {
    const limit = createLimiter(2);
    let release!: () => void;
    const gate = new Promise<void>(resolve => {
      release = resolve;
    });
    const started: number[] = [];
    let inFlight = 0;
    let most = 0;
    const runs = [0, 1, 2, 3, 4].map(index =>
      limit(async () => {
        started.push(index);
        inFlight += 1;
        most = Math.max(most, inFlight);
        await gate;
        inFlight -= 1;
        return index;
      }),
    );
    await new Promise(resolve => setImmediate(resolve));
    expect(started).toEqual([0, 1]);
    release();
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });

  it('frees the slot of a failed task', async () => {
    const limit = createLimiter(1);
    await expect(
      limit(() => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    await expect(limit(async () => 'next')).resolves.toBe('next');
  });

  it('refuses a bad bound', () => {
    expect(() => createLimiter(0)).toThrow('at least 1, got 0');
  });
});
