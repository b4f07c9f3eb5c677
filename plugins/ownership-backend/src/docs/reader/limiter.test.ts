import { createLimiter } from './limiter';
import { deferred } from './__testUtils__/fakes';

describe('createLimiter', () => {
  it('runs at most the given number at once and queues the rest in order', async () => {
    const limit = createLimiter(2);
    const gates = Array.from({ length: 5 }, () => deferred());
    const started: number[] = [];
    let inFlight = 0;
    let most = 0;
    const runs = gates.map((gate, index) =>
      limit(async () => {
        started.push(index);
        inFlight += 1;
        most = Math.max(most, inFlight);
        await gate.promise;
        inFlight -= 1;
        return index;
      }),
    );
    await new Promise(resolve => setImmediate(resolve));
    expect(started).toEqual([0, 1]);
    gates.forEach(gate => gate.resolve());
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
