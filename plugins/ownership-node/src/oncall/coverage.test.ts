import { coverage } from './coverage';

const now = new Date('2026-12-01T00:00:00Z');
const at = (day: number, hour = 0) =>
  new Date(Date.UTC(2026, 11, 1 + day, hour));

describe('coverage', () => {
  it('is ok when shifts cover the next 7 days, overlapping and unordered', () => {
    expect(
      coverage(
        [
          { from: at(3), to: at(9) },
          { from: at(-1), to: at(2) },
          { from: at(1, 12), to: at(3, 6) },
        ],
        now,
      ),
    ).toEqual({ status: 'ok', gaps: [] });
  });

  it('reports nobody now and holes later, with their bounds', () => {
    expect(
      coverage(
        [
          { from: at(0, 6), to: at(2) },
          { from: at(3), to: at(7) },
        ],
        now,
      ),
    ).toEqual({
      status: 'gap',
      gaps: [
        { from: at(0).toISOString(), to: at(0, 6).toISOString() },
        { from: at(2).toISOString(), to: at(3).toISOString() },
      ],
    });
  });

  it('reports a rotation that ends within the horizon, and no shifts at all', () => {
    expect(coverage([{ from: at(-3), to: at(5) }], now).gaps).toEqual([
      { from: at(5).toISOString(), to: at(7).toISOString() },
    ]);
    expect(coverage([], now).status).toBe('gap');
  });
});
