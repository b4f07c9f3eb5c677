import { sampleRun } from '../__testUtils__/sampleRun';
import { sarifValidator } from '../__testUtils__/sarifSchema';
import { formatSarif, SRCROOT } from './sarif';

describe('formatSarif', () => {
  const validate = sarifValidator();

  it('is valid against the official SARIF 2.1.0 schema', () => {
    const log = JSON.parse(formatSarif(sampleRun()));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check catches a broken log', () => {
    const log = JSON.parse(formatSarif(sampleRun()));
    log.runs[0].results[0].level = 'fatal';
    delete log.version;
    expect(validate(log)).toBe(false);
  });

  it('describes the tool and every rule, with the remediation as help', () => {
    const log = JSON.parse(formatSarif(sampleRun()));
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(log.version).toBe('2.1.0');
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({
      name: 'ownership-lint',
      version: '0.1.0',
      informationUri: expect.stringMatching(
        /^https:\/\/github\.com\/.+ownership-lint/,
      ),
    });
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual([
      'owner.missing',
      'owner.individual',
      'runbook.missing',
      'runbook.stale',
      'adr.stale-proposal',
    ]);
    expect(driver.rules[0]).toEqual({
      id: 'owner.missing',
      shortDescription: { text: 'The entity has no owner, or a placeholder.' },
      fullDescription: {
        text: 'The entity has no owner, or a placeholder. Every service needs a team that answers for it.',
      },
      help: {
        text: 'Set spec.owner to the Group that owns this entity, e.g. group:default/payments.',
      },
      defaultConfiguration: { enabled: true, level: 'error' },
      properties: { category: 'owner' },
    });
    expect(driver.rules[2].defaultConfiguration.level).toBe('note');
  });

  it('places each result relative to %SRCROOT% with forward slashes and maps severities to levels', () => {
    const run = JSON.parse(formatSarif(sampleRun())).runs[0];
    expect(run.originalUriBaseIds[SRCROOT].uri).toMatch(
      /^file:\/\/\/.*repo\/$/,
    );
    expect(
      run.results.map((r: any) => [
        r.ruleId,
        r.ruleIndex,
        r.level,
        r.locations[0].physicalLocation.artifactLocation,
        r.locations[0].physicalLocation.region,
      ]),
    ).toEqual([
      [
        'owner.missing',
        0,
        'error',
        { uri: 'catalog-info.yaml', uriBaseId: SRCROOT },
        { startLine: 46, startColumn: 10 },
      ],
      [
        'runbook.missing',
        2,
        'note',
        {
          uri: 'services/refund%20worker/catalog-info.yaml',
          uriBaseId: SRCROOT,
        },
        { startLine: 5, startColumn: 3 },
      ],
      [
        'owner.individual',
        1,
        'warning',
        {
          uri: 'services/refund%20worker/catalog-info.yaml',
          uriBaseId: SRCROOT,
        },
        { startLine: 11, startColumn: 10 },
      ],
    ]);
    expect(run.results[0].message.text).toBe(
      'The owner "tbd" is a placeholder: 100% unowned, see https://x.example/a,b',
    );
    expect(run.invocations[0].toolConfigurationNotifications).toEqual([
      {
        level: 'note',
        message: { text: 'skipped: owner.unresolved (needs the catalog)' },
        descriptor: { id: 'owner.unresolved' },
      },
    ]);
  });

  it('reports ignored documents and skipped Location targets as notifications of the run', () => {
    const run = JSON.parse(formatSarif(sampleRun())).runs[0];
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      {
        level: 'note',
        message: { text: 'document 4 is empty (ignored)' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: {
                uri: 'catalog-info.yaml',
                uriBaseId: SRCROOT,
              },
              region: { startLine: 40, startColumn: 1 },
            },
          },
        ],
      },
      {
        level: 'note',
        message: {
          text: 'skipped Location target https://github.com/acme/shared/blob/main/catalog-info.yaml (a URL: ownership-lint reads local files only)',
        },
        locations: [
          {
            physicalLocation: {
              artifactLocation: {
                uri: 'catalog-info.yaml',
                uriBaseId: SRCROOT,
              },
              region: { startLine: 11, startColumn: 7 },
            },
          },
        ],
      },
    ]);
  });

  it('adds a descriptor for a finding whose rule the report does not describe', () => {
    const input = sampleRun();
    const log = JSON.parse(
      formatSarif({ ...input, report: { ...input.report, rules: [] } }),
    );
    expect(
      log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id),
    ).toEqual(['runbook.missing', 'owner.missing', 'owner.individual']);
    expect(validate(log)).toBe(true);
  });
});
