import { type Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

const KEY = 'ownership.oncall.cacheTtl';

/**
 * How long answers of remote on-call providers are reused, from
 * `ownership.oncall.cacheTtl` (default one minute).
 */
export function readOnCallCacheTtl(config: Config): number | undefined {
  if (!config.has(KEY)) {
    return undefined;
  }
  try {
    const ms = durationToMilliseconds(
      readDurationFromConfig(config, { key: KEY }),
    );
    if (ms > 0) {
      return ms;
    }
  } catch (error) {
    throw new Error(`Invalid config at ${KEY}: ${(error as Error).message}`);
  }
  throw new Error(`Invalid config at ${KEY}: the duration must be positive`);
}
