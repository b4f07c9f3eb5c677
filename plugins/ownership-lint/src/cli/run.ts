import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PortalCatalogClient } from '../catalog/PortalCatalogClient';
import { checkConfiguredRules, loadConfig } from '../config/loadConfig';
import { discover } from '../discovery/discover';
import { FORMATTERS } from '../format';
import { countFindings, summaryLine } from '../format/summary';
import type { ToolInfo } from '../format/types';
import type { LintEntities } from '../lint/types';
import { relativePath } from '../paths';
import { LintUsageError } from './errors';
import { failsOn } from './failOn';
import type { CliIo } from './io';
import { parseArgs, type CliOptions } from './parseArgs';
import { findRepoRoot } from './repoRoot';
import { readToolInfo } from './toolInfo';

/** What {@link run} lints with. */
export interface RunDependencies {
  /** The rule evaluation. */
  lint: LintEntities;
  tool?: ToolInfo;
}

async function lintWith(
  options: CliOptions,
  io: CliIo,
  deps: RunDependencies,
  tool: ToolInfo,
) {
  const cwd = io.cwd;
  const root = options.root ? resolve(cwd, options.root) : findRepoRoot(cwd);
  const { config, ruleIds, display } = await loadConfig(options.config, cwd);
  const discovery = await discover(options.paths, { cwd, root });
  const catalog = options.catalogUrl
    ? new PortalCatalogClient({
        baseUrl: options.catalogUrl,
        token: options.token,
      })
    : undefined;
  const report = await deps.lint(discovery.entities, {
    config,
    now: options.now ?? new Date(),
    root,
    catalog,
    warn: message => io.stderr.write(`warning: ${message}\n`),
  });
  checkConfiguredRules(ruleIds, display, report);

  const text = FORMATTERS[options.format]({
    report,
    discovery,
    cwd,
    root,
    tool,
  });
  if (options.output) {
    const file = resolve(cwd, options.output);
    try {
      await writeFile(file, text, 'utf8');
    } catch (error) {
      throw new LintUsageError(
        `--output: cannot write ${options.output} (${
          (error as NodeJS.ErrnoException).code ?? String(error)
        })`,
      );
    }
    io.stderr.write(
      `ownership-lint: ${summaryLine(
        countFindings(report.findings),
        report.entities,
        discovery.files.length,
      )}; wrote ${options.format} to ${relativePath(cwd, file)}\n`,
    );
  } else {
    io.stdout.write(text);
  }
  return failsOn(report.findings, options.failOn) ? 1 : 0;
}

/**
 * Runs ownership-lint with command-line arguments (without `node` and the
 * script) and returns the exit code: 0 nothing at or above `--fail-on`,
 * 1 findings at or above it, 2 a usage or read error (printed on stderr).
 */
export async function run(
  args: string[],
  io: CliIo,
  deps: RunDependencies,
): Promise<number> {
  const tool = deps.tool ?? readToolInfo();
  try {
    const parsed = parseArgs(args, tool, io);
    if ('exitCode' in parsed) {
      return parsed.exitCode;
    }
    return await lintWith(parsed.options, io, deps, tool);
  } catch (error) {
    if (error instanceof LintUsageError) {
      io.stderr.write(`ownership-lint: ${error.message}\n`);
      return 2;
    }
    if (error instanceof Error && /^Invalid config at /.test(error.message)) {
      io.stderr.write(`ownership-lint: config file: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
