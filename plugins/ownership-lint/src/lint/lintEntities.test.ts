import { ConfigReader } from '@backstage/config';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { discover } from '../discovery/discover';
import { lintEntities } from './lintEntities';
import type { EntityDocument, LintCatalog } from './types';

const repository = resolve(__dirname, '../../../..');
const examples = resolve(repository, 'examples');
const now = new Date('2026-12-07T00:00:00Z');

async function lintExamples(
  options: {
    config?: object;
    catalog?: LintCatalog;
    warn?: (message: string) => void;
  } = {},
) {
  const { entities } = await discover(['all.yaml'], {
    cwd: examples,
    root: repository,
  });
  return lintEntities(entities, {
    config: new ConfigReader(options.config ?? {}),
    now,
    root: repository,
    catalog: options.catalog,
    warn: options.warn,
  });
}

const refsOf = (
  report: Awaited<ReturnType<typeof lintExamples>>,
  ruleId: string,
) =>
  report.findings
    .filter(f => f.ruleId === ruleId)
    .map(f => f.entityRef)
    .sort();

describe('lintEntities on the example organisation', () => {
  it('finds what the portal finds offline, with the portal messages, placed on the field', async () => {
    const report = await lintExamples();
    expect(refsOf(report, 'slo.missing')).toEqual([
      'component:default/payment-webhooks-receiver',
      'component:default/pricing-service',
    ]);
    expect(refsOf(report, 'owner.missing')).toEqual([
      'component:default/legacy-invoice-generator',
      'component:default/shipment-label-printer',
    ]);
    expect(refsOf(report, 'owner.individual')).toEqual([
      'component:default/route-optimizer-experiments',
    ]);
    expect(refsOf(report, 'runbook.unreachable')).toEqual([
      'component:default/eta-predictor',
    ]);
    const placeholder = report.findings.find(
      f => f.entityRef === 'component:default/shipment-label-printer',
    )!;
    expect(placeholder).toMatchObject({
      severity: 'error',
      message:
        'component:default/shipment-label-printer has the placeholder owner "tbd"',
      file: resolve(examples, 'components/fulfillment.yaml'),
    });
    // The line of "owner: tbd".
    const lines = readFileSync(placeholder.file, 'utf8').split('\n');
    expect(lines[placeholder.line - 1]).toMatch(/^\s+owner: tbd$/);
    expect(report.entities).toBeGreaterThan(50);
  });

  it('reports the rules that need the catalog as skipped, and runs none of them', async () => {
    const report = await lintExamples();
    expect(report.skipped.map(s => s.ruleId).sort()).toEqual([
      'oncall.gap',
      'oncall.missing',
      'owner.codeowners-mismatch',
      'owner.disputed',
      'owner.empty-team',
      'owner.unresolved',
    ]);
    expect(
      report.findings.filter(f =>
        ['owner.empty-team', 'oncall.missing', 'oncall.gap'].includes(f.ruleId),
      ),
    ).toEqual([]);
    expect(report.rules.map(r => r.id)).toContain('slo.missing');
  });

  it('names documents by their path in the repository, not a file: URL of this machine', async () => {
    const report = await lintExamples();
    const unreachable = report.findings.find(
      f => f.ruleId === 'runbook.unreachable',
    )!;
    expect(unreachable.message).toContain(
      '(examples/docs/runbooks/routing/eta-predictor.md)',
    );
    expect(
      report.findings.filter(f =>
        `${f.message}${f.remediation}`.includes('file:'),
      ),
    ).toEqual([]);
  });

  it('accepts settings for rules it skips, without a warning', async () => {
    const warnings: string[] = [];
    const report = await lintExamples({
      config: {
        ownership: { rules: { oncall: { missing: { severity: 'warning' } } } },
      },
      warn: message => warnings.push(message),
    });
    expect(warnings).toEqual([]);
    expect(report.findings.filter(f => f.ruleId === 'oncall.missing')).toEqual(
      [],
    );
  });

  it('follows the configuration: a rule turned off, a tier added', async () => {
    const report = await lintExamples({
      config: {
        ownership: {
          rules: {
            owner: { missing: { enabled: false } },
            slo: { missing: { tiers: ['1', '2'] } },
          },
        },
      },
    });
    expect(refsOf(report, 'owner.missing')).toEqual([]);
    expect(refsOf(report, 'slo.missing').length).toBeGreaterThan(2);
  });
});

describe('lintEntities with a catalog', () => {
  const group = (name: string, relations: object[]): EntityDocument =>
    ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name },
      spec: {},
      relations,
    } as EntityDocument);

  it('finds owners the catalog does not have and teams without members', async () => {
    const groups: Record<string, EntityDocument> = {
      'group:default/payments': group('payments', [
        { type: 'parentOf', targetRef: 'group:default/payments-fraud' },
      ]),
      'group:default/payments-fraud': group('payments-fraud', [
        { type: 'hasMember', targetRef: 'user:default/priya' },
      ]),
      'group:default/checkout': group('checkout', []),
      'user:default/erin': {
        kind: 'User',
        metadata: { name: 'erin' },
      },
    };
    const catalog: LintCatalog = {
      getEntity: async ref => groups[ref],
      getOnCall: async () => undefined,
    };
    const report = await lintExamples({ catalog });
    // Every other team of the example organisation is absent from this catalog.
    expect(refsOf(report, 'owner.unresolved')).toContain(
      'component:default/tracking-notifier',
    );
    expect(refsOf(report, 'owner.unresolved')).not.toContain(
      'component:default/payments-gateway',
    );
    expect(refsOf(report, 'owner.empty-team')).toContain(
      'component:default/checkout-api',
    );
    // A member of a sub-team makes payments a team with members.
    expect(refsOf(report, 'owner.empty-team')).not.toContain(
      'component:default/payments-gateway',
    );
    expect(report.skipped.map(s => s.ruleId).sort()).toEqual([
      'owner.codeowners-mismatch',
      'owner.disputed',
    ]);
    // No on-call answer from the portal: nothing is said about on-call.
    expect(report.findings.filter(f => f.ruleId.startsWith('oncall.'))).toEqual(
      [],
    );
  });
});

describe('lintEntities on a service repository', () => {
  it('checks on-call annotations offline and points at the annotation', async () => {
    const dir = await mkdtemp(resolve(tmpdir(), 'lint-oncall-'));
    try {
      await writeFile(
        resolve(dir, 'catalog-info.yaml'),
        [
          'apiVersion: backstage.io/v1alpha1',
          'kind: Component',
          'metadata:',
          '  name: orders',
          '  annotations:',
          '    github.com/project-slug: acme/orders',
          '    pagerduty.com/service-id: <sample-service-service-id>',
          'spec:',
          '  type: service',
          '  lifecycle: production',
          '  owner: group:default/orders',
          '',
        ].join('\n'),
      );
      const { entities } = await discover(['.'], { cwd: dir, root: dir });
      const report = await lintEntities(entities, {
        config: new ConfigReader({}),
        now,
        root: dir,
      });
      const invalid = report.findings.filter(
        f => f.ruleId === 'oncall.annotation-invalid',
      );
      expect(invalid).toEqual([
        expect.objectContaining({
          severity: 'error',
          message:
            'component:default/orders: the pagerduty.com/service-id annotation "<sample-service-service-id>" is not a PagerDuty service id (upper-case letters and digits)',
          line: 7,
        }),
      ]);
      // Team runbooks live on the Group, which only the catalog knows here.
      expect(
        report.findings.filter(f => f.ruleId === 'runbook.missing'),
      ).toEqual([]);
      expect(report.skipped).toContainEqual({
        ruleId: 'runbook.missing',
        reason: expect.stringMatching(/^not decided for 1 entity: /),
      });

      const team = (links: object[]): LintCatalog => ({
        getEntity: async ref =>
          ref === 'group:default/orders'
            ? ({
                kind: 'Group',
                metadata: { name: 'orders', links },
                relations: [
                  { type: 'hasMember', targetRef: 'user:default/ana' },
                ],
              } as EntityDocument)
            : undefined,
        getOnCall: async () => undefined,
      });
      const lint = (catalog: LintCatalog) =>
        lintEntities(entities, {
          config: new ConfigReader({}),
          now,
          root: dir,
          catalog,
        });
      const withTeamRunbook = await lint(
        team([{ url: 'https://runbooks.example/orders', type: 'runbook' }]),
      );
      expect(
        withTeamRunbook.findings.filter(f => f.ruleId === 'runbook.missing'),
      ).toEqual([]);
      const withoutOne = await lint(team([]));
      expect(
        withoutOne.findings
          .filter(f => f.ruleId === 'runbook.missing')
          .map(f => f.message),
      ).toEqual([
        'component:default/orders links no runbook, and neither does group:default/orders',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
