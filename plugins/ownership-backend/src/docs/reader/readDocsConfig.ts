import path from 'node:path';
import { type Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** Settings of the document reader, from `ownership.docs`. */
export interface DocsConfig {
  /**
   * Absolute folders whose `file:` documents may be read; relative entries
   * in config resolve against the working directory of the backend.
   */
  localRoots: string[];
  /** Largest document read, in bytes. */
  maxBytes: number;
  /** Most documents read from one folder. */
  maxFiles: number;
  /** Reads in flight at once; more wait for a slot. */
  concurrency: number;
  /** How long a remote document and its ETag are kept, in milliseconds. */
  cacheTtlMs: number;
  /**
   * How long a definite answer about a remote document (its text, or that it
   * is not there: 404/410) is reused without asking its host, in
   * milliseconds; 0 asks every time (with the ETag when there is one).
   */
  freshForMs: number;
  /** Timeout, attempts and breaker of each remote host; unset keys keep their defaults. */
  resilience: {
    timeoutMs?: number;
    maxAttempts?: number;
    breakerThreshold?: number;
    halfOpenAfterMs?: number;
  };
}

/**
 * 1 MiB per document, 200 per folder, 8 reads at once, cached 10 minutes,
 * reused without asking for 5 minutes.
 */
export const DEFAULT_DOCS_CONFIG: Omit<DocsConfig, 'localRoots'> = {
  maxBytes: 1024 * 1024,
  maxFiles: 200,
  concurrency: 8,
  cacheTtlMs: 10 * 60 * 1000,
  freshForMs: 5 * 60 * 1000,
  resilience: {},
};

/** The resilience keys of `ownership.docs`, all whole numbers of at least 1. */
const RESILIENCE_KEYS = [
  'timeoutMs',
  'maxAttempts',
  'breakerThreshold',
  'halfOpenAfterMs',
] as const;

const PREFIX = 'ownership.docs';

function invalid(key: string, why: string): Error {
  return new Error(`Invalid config at ${PREFIX}.${key}: ${why}`);
}

function readPositiveInteger(
  config: Config,
  key: string,
  fallback: number,
): number {
  let value: number | undefined;
  try {
    value = config.getOptionalNumber(key);
  } catch (error) {
    throw invalid(key, (error as Error).message);
  }
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < 1) {
    throw invalid(key, `must be a whole number of at least 1, got ${value}`);
  }
  return value;
}

function readLocalRoots(config: Config, cwd: string): string[] {
  let roots: string[] | undefined;
  try {
    roots = config.getOptionalStringArray('localRoots');
  } catch (error) {
    throw invalid('localRoots', (error as Error).message);
  }
  return (roots ?? []).map((root, index) => {
    const trimmed = root.trim();
    if (!trimmed) {
      throw invalid(`localRoots[${index}]`, 'must not be empty');
    }
    if (/^[a-z][a-z0-9+.-]+:/i.test(trimmed)) {
      throw invalid(
        `localRoots[${index}]`,
        `must be a folder path, not a URL (${trimmed})`,
      );
    }
    return path.resolve(cwd, trimmed);
  });
}

function readDuration(
  config: Config,
  key: 'cacheTtl' | 'freshFor',
  fallback: number,
  allowZero: boolean,
): number {
  if (!config.has(key)) {
    return fallback;
  }
  let ms: number;
  try {
    ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (error) {
    throw invalid(key, (error as Error).message);
  }
  if (allowZero ? !(ms >= 0) : !(ms > 0)) {
    throw invalid(
      key,
      allowZero
        ? 'the duration must not be negative'
        : 'the duration must be positive',
    );
  }
  return ms;
}

/**
 * Reads `ownership.docs`: `localRoots` (folders; relative paths resolve
 * against `cwd`, the backend's working directory, as catalog file locations
 * do), `maxBytes`, `maxFiles`, `concurrency`, `cacheTtl` and `freshFor`
 * (durations such as `{ minutes: 10 }` or `10m`) and the remote hosts' `timeoutMs`,
 * `maxAttempts`, `breakerThreshold` and `halfOpenAfterMs`. Errors name the key that is wrong.
 */
export function readDocsConfig(
  root: Config,
  cwd: string = process.cwd(),
): DocsConfig {
  const config = root.getOptionalConfig(PREFIX);
  if (!config) {
    return { localRoots: [], ...DEFAULT_DOCS_CONFIG };
  }
  return {
    localRoots: readLocalRoots(config, cwd),
    maxBytes: readPositiveInteger(
      config,
      'maxBytes',
      DEFAULT_DOCS_CONFIG.maxBytes,
    ),
    maxFiles: readPositiveInteger(
      config,
      'maxFiles',
      DEFAULT_DOCS_CONFIG.maxFiles,
    ),
    concurrency: readPositiveInteger(
      config,
      'concurrency',
      DEFAULT_DOCS_CONFIG.concurrency,
    ),
    cacheTtlMs: readDuration(
      config,
      'cacheTtl',
      DEFAULT_DOCS_CONFIG.cacheTtlMs,
      false,
    ),
    freshForMs: readDuration(
      config,
      'freshFor',
      DEFAULT_DOCS_CONFIG.freshForMs,
      true,
    ),
    resilience: Object.fromEntries(
      RESILIENCE_KEYS.filter(key => config.has(key)).map(key => [
        key,
        readPositiveInteger(config, key, 1),
      ]),
    ),
  };
}
