import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture } from '../__testUtils__/fixtures';
import { readLintConfig } from './readLintConfig';

describe('readLintConfig', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ownership-lint-config-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function read(text: string) {
    const file = join(dir, '.ownership-lint.yaml');
    await writeFile(file, text);
    return readLintConfig(file, '.ownership-lint.yaml');
  }

  it('wraps rules as ownership.rules, the shape of app-config', async () => {
    const file = join(fixture('payments-service'), '.ownership-lint.yaml');
    const { config, ruleIds } = await readLintConfig(
      file,
      '.ownership-lint.yaml',
    );
    expect(config.getNumber('ownership.rules.runbook.stale.maxAgeDays')).toBe(
      90,
    );
    expect(
      config.getString('ownership.rules.adr.stale-proposal.severity'),
    ).toBe('warning');
    expect(ruleIds).toEqual(['runbook.stale', 'adr.stale-proposal']);
  });

  it('accepts enabled, lifecycles and an empty file', async () => {
    const { config } = await read(
      'rules:\n  adr:\n    missing: { enabled: false }\n  oncall:\n    missing:\n      lifecycles: { experimental: skip, production: warning }\n',
    );
    expect(config.getBoolean('ownership.rules.adr.missing.enabled')).toBe(
      false,
    );
    expect(
      config.getString(
        'ownership.rules.oncall.missing.lifecycles.experimental',
      ),
    ).toBe('skip');
    expect((await read('# nothing yet\n')).ruleIds).toEqual([]);
  });

  it('passes scope.operationalTypes and owners.placeholders on as ownership.scope and ownership.owners', async () => {
    const { config } = await read(
      'scope:\n  operationalTypes: [service, batch-job]\nowners:\n  placeholders: [nobody, tbd]\n',
    );
    expect(config.getStringArray('ownership.scope.operationalTypes')).toEqual([
      'service',
      'batch-job',
    ]);
    expect(config.getStringArray('ownership.owners.placeholders')).toEqual([
      'nobody',
      'tbd',
    ]);
    expect(config.getOptionalConfig('ownership.rules')?.keys()).toEqual([]);
  });

  it('names bad scope and owners settings', async () => {
    await expect(
      read(
        'scope:\n  kinds: [Component]\n  operationalTypes: []\nowners: tbd\n',
      ),
    ).rejects.toThrow(
      [
        'config file .ownership-lint.yaml:2:10: scope.kinds is not a setting (allowed: scope.operationalTypes)',
        'config file .ownership-lint.yaml:3:21: scope.operationalTypes must be a non-empty list of names, e.g. [service, website]',
        'config file .ownership-lint.yaml:4:9: owners must be a mapping, e.g. "owners: { placeholders: [unknown, tbd, todo] }"',
      ].join('\n'),
    );
  });

  it('names unknown top-level keys', async () => {
    await expect(
      read('rules: {}\nrule: {}\nfailOn: warning\n'),
    ).rejects.toThrow(
      'config file .ownership-lint.yaml: unknown top-level keys "rule", "failOn" (allowed: rules, scope, owners)',
    );
  });

  it('names each bad setting with its line', async () => {
    await expect(
      read(
        [
          'rules:',
          '  runbook:',
          '    stale:',
          '      severity: fatal',
          '      enabled: "no"',
          '  adr: true',
          '  oncall:',
          '    gap:',
          '      lifecycles: { production: loud }',
        ].join('\n'),
      ),
    ).rejects.toThrow(
      [
        'config file .ownership-lint.yaml:5:16: rules.runbook.stale.enabled must be true or false, got "no"',
        'config file .ownership-lint.yaml:4:17: rules.runbook.stale.severity must be error, warning or info, got "fatal"',
        'config file .ownership-lint.yaml:6:8: rules.adr must be a mapping of rule names, e.g. "adr: { missing: { enabled: false } }"',
        'config file .ownership-lint.yaml:9:33: rules.oncall.gap.lifecycles.production must be error, warning, info or skip, got "loud"',
      ].join('\n'),
    );
  });

  it('names YAML syntax errors and a file that is not a mapping', async () => {
    await expect(read('rules:\n  runbook: {stale: \n')).rejects.toThrow(
      /^config file \.ownership-lint\.yaml:\d+:\d+: YAML syntax error: /,
    );
    await expect(read('- rules\n')).rejects.toThrow(
      'config file .ownership-lint.yaml: expected a mapping with "rules", "scope" or "owners", got a list',
    );
  });

  it('names a missing file', async () => {
    await expect(
      readLintConfig(join(dir, 'nope.yaml'), 'nope.yaml'),
    ).rejects.toThrow('config file nope.yaml: no such file');
  });
});
