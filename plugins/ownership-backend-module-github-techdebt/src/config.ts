import type { Config } from '@backstage/config';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import type { ResilienceOptions } from '@ownership-portal/plugin-ownership-node';

/** Issues with this label are tech debt, unless configured otherwise. */
export const DEFAULT_LABEL = 'tech-debt';
/** How long a repository's issues are kept, unless configured otherwise. */
export const DEFAULT_CACHE_TTL_MS = 10 * 60 * 1000;
/** Pages of 100 issues read per repository, unless configured otherwise. */
export const DEFAULT_MAX_PAGES = 10;
/** The host of repositories whose entity names no GitHub source location. */
export const DEFAULT_HOST = 'github.com';

/** `ownership.techdebt.github`, read and checked. */
interface GithubTechDebtConfig {
  label: string;
  cacheTtlMs: number;
  maxPages: number;
  host: string;
  resilience: Omit<ResilienceOptions, 'name' | 'logger'>;
}

const PATH = 'ownership.techdebt.github';

function positive(config: Config | undefined, key: string) {
  const value = config?.getOptionalNumber(key);
  if (value !== undefined && !(value > 0)) {
    throw new Error(`${PATH}.${key} must be a positive number, got ${value}`);
  }
  return value;
}

/** Reads `ownership.techdebt.github`; every key has a default. */
export function readGithubTechDebtConfig(root: Config): GithubTechDebtConfig {
  const config = root.getOptionalConfig(PATH);
  const label = config?.getOptionalString('label')?.trim() ?? DEFAULT_LABEL;
  if (!label) {
    throw new Error(`${PATH}.label must not be empty`);
  }
  let cacheTtlMs = DEFAULT_CACHE_TTL_MS;
  if (config?.has('cacheTtl')) {
    cacheTtlMs = durationToMilliseconds(
      readDurationFromConfig(config, { key: 'cacheTtl' }),
    );
    if (!(cacheTtlMs >= 0)) {
      throw new Error(`${PATH}.cacheTtl must not be negative`);
    }
  }
  const maxPages = positive(config, 'maxPages') ?? DEFAULT_MAX_PAGES;
  if (!Number.isInteger(maxPages)) {
    throw new Error(`${PATH}.maxPages must be a whole number, got ${maxPages}`);
  }
  return {
    label,
    cacheTtlMs,
    maxPages,
    host: config?.getOptionalString('host')?.trim() || DEFAULT_HOST,
    resilience: {
      timeoutMs: positive(config, 'timeoutMs'),
      maxAttempts: positive(config, 'maxAttempts'),
      breakerThreshold: positive(config, 'breakerThreshold'),
      halfOpenAfterMs: positive(config, 'halfOpenAfterMs'),
      concurrency: positive(config, 'concurrency'),
    },
  };
}
