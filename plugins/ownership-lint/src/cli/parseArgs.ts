import { Command, CommanderError, Option } from 'commander';
import { FORMATS, type FormatName, type ToolInfo } from '../format/types';
import { FAIL_ON, type FailOn } from './failOn';
import { LintUsageError } from './errors';
import type { CliIo } from './io';

/** The command line, parsed and checked. */
export interface CliOptions {
  paths: string[];
  format: FormatName;
  failOn: FailOn;
  /** The configuration file as given, or undefined for the default. */
  config?: string;
  root?: string;
  catalogUrl?: string;
  token?: string;
  now?: Date;
  output?: string;
}

/** What parsing the command line led to: options to lint with, or an exit code (help, version, a usage error). */
type ParsedArgs = { options: CliOptions } | { exitCode: number };

const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function parseNow(value: string): Date {
  const date = new Date(value);
  if (!ISO_DATE.test(value) || Number.isNaN(date.getTime())) {
    throw new LintUsageError(
      `--now: "${value}" is not an ISO date, e.g. 2026-12-07 or 2026-12-07T09:00:00Z`,
    );
  }
  return date;
}

function buildProgram(tool: ToolInfo, io: CliIo): Command {
  return new Command('ownership-lint')
    .description(
      "Checks the catalog-info.yaml files of a repository with the Ownership Portal's audit rules.",
    )
    .argument(
      '[paths...]',
      'files or folders to lint (folders are searched for catalog-info.yaml)',
      ['.'],
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(FORMATS)
        .default('text'),
    )
    .addOption(
      new Option(
        '--fail-on <severity>',
        'exit with 1 when a finding is at or above this severity',
      )
        .choices(FAIL_ON)
        .default('error'),
    )
    .option(
      '--config <file>',
      'configuration file (default: .ownership-lint.yaml in the working directory, when present)',
    )
    .option(
      '--root <dir>',
      'repository root for paths in JSON, SARIF and GitHub output (default: the nearest folder with .git, else the working directory)',
    )
    .option(
      '--catalog-url <url>',
      "a live portal's base URL (e.g. http://localhost:7007), for the rules that need the catalog",
    )
    .option(
      '--token <token>',
      'token for --catalog-url (default: $OWNERSHIP_LINT_TOKEN)',
    )
    .option(
      '--now <date>',
      'the date to evaluate against, ISO 8601 (default: now), for reproducible runs',
    )
    .option(
      '--output <file>',
      'write the report to this file instead of standard output',
    )
    .version(tool.version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText(
      'after',
      '\nExit codes: 0 no findings at or above --fail-on, 1 findings at or above --fail-on, 2 usage or read errors.',
    )
    .showHelpAfterError('(run ownership-lint --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: text => io.stdout.write(text),
      writeErr: text => io.stderr.write(text),
    });
}

/**
 * Parses the command line. Help and version print and give exit code 0;
 * a bad flag or value prints commander's message and gives exit code 2.
 */
export function parseArgs(
  args: string[],
  tool: ToolInfo,
  io: CliIo,
): ParsedArgs {
  const program = buildProgram(tool, io);
  try {
    program.parse(args, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return { exitCode: error.exitCode === 0 ? 0 : 2 };
    }
    throw error;
  }
  const opts = program.opts<{
    format: FormatName;
    failOn: FailOn;
    config?: string;
    root?: string;
    catalogUrl?: string;
    token?: string;
    now?: string;
    output?: string;
  }>();
  if (opts.token !== undefined && opts.catalogUrl === undefined) {
    throw new LintUsageError('--token is only used with --catalog-url');
  }
  if (
    opts.catalogUrl !== undefined &&
    !/^https?:\/\/[^/]/i.test(opts.catalogUrl)
  ) {
    throw new LintUsageError(
      `--catalog-url: "${opts.catalogUrl}" is not an http(s) URL, e.g. http://localhost:7007`,
    );
  }
  return {
    options: {
      paths: program.processedArgs[0] as string[],
      format: opts.format,
      failOn: opts.failOn,
      config: opts.config,
      root: opts.root,
      catalogUrl: opts.catalogUrl,
      token:
        opts.token ??
        (opts.catalogUrl
          ? io.env.OWNERSHIP_LINT_TOKEN || undefined
          : undefined),
      now: opts.now === undefined ? undefined : parseNow(opts.now),
      output: opts.output,
    },
  };
}
