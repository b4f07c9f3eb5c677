/**
 * ownership-lint: the Ownership Portal's audit rules, offline, on the
 * catalog-info.yaml files of a service repository.
 *
 * @packageDocumentation
 */

import { run } from './cli/run';
import { lintEntities } from './lint/lintEntities';

/**
 * Runs the CLI for the current process with command-line arguments (without
 * `node` and the script) and resolves to the exit code.
 */
export function main(args: string[] = process.argv.slice(2)): Promise<number> {
  return run(
    args,
    {
      cwd: process.cwd(),
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
    },
    { lint: lintEntities },
  );
}

export { run } from './cli/run';
export type { RunDependencies } from './cli/run';
export type { CliIo } from './cli/io';
export { LintUsageError } from './cli/errors';
export { discover } from './discovery/discover';
export type { DiscoverOptions } from './discovery/discover';
export type {
  DiscoveryNote,
  DiscoveryResult,
  SkippedTarget,
} from './discovery/types';
export { PortalCatalogClient } from './catalog/PortalCatalogClient';
export type { PortalCatalogClientOptions } from './catalog/PortalCatalogClient';
export type { RetryPolicy } from './catalog/retry';
export type { JsonOutput } from './format/json';
export type * from './lint/types';
