/** Latency percentiles of a sample, in milliseconds. */
export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  return {
    p50: at(50),
    p90: at(90),
    p99: at(99),
    max: sorted[sorted.length - 1],
  };
}

/** Formats milliseconds for a table. */
export function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}
