import { DEFAULT_OWNER_PLACEHOLDERS } from '@ownership-portal/plugin-ownership-rules';
import type {
  RuleDescription,
  Severity,
} from '@ownership-portal/plugin-ownership-common';
import type { LintEntities, LintFinding, LocatedEntity } from '../lint/types';

/**
 * Rules of the stand-in lint below, described the way the portal describes
 * its rules (for the formatters' rule lists).
 */
export const FAKE_RULES: RuleDescription[] = [
  {
    id: 'owner.missing',
    defaultSeverity: 'error',
    severity: 'error',
    description:
      'The entity has no owner, or a placeholder. Every service needs a team that answers for it.',
    remediation:
      'Set spec.owner to the Group that owns this entity, e.g. group:default/payments.',
    enabled: true,
    operational: false,
    lifecycles: {},
    options: {},
  },
  {
    id: 'owner.individual',
    defaultSeverity: 'warning',
    severity: 'warning',
    description: 'The owner is a User, not a Group.',
    remediation: 'Make a Group the owner: people change teams, teams stay.',
    enabled: true,
    operational: false,
    lifecycles: {},
    options: {},
  },
  {
    id: 'runbook.missing',
    defaultSeverity: 'warning',
    severity: 'info',
    description: 'No runbook is linked.',
    remediation:
      'Add the ownership-portal/runbooks annotation or a link of type runbook.',
    enabled: true,
    operational: true,
    lifecycles: {
      production: 'error',
      experimental: 'info',
      deprecated: 'skip',
    },
    options: {},
  },
  {
    id: 'runbook.stale',
    defaultSeverity: 'warning',
    severity: 'warning',
    description:
      'Every runbook was last reviewed longer ago than the threshold.',
    remediation: 'Review the runbook and update its last_reviewed date.',
    enabled: true,
    operational: true,
    lifecycles: {
      production: 'warning',
      experimental: 'info',
      deprecated: 'skip',
    },
    options: { maxAgeDays: 180 },
  },
  {
    id: 'adr.stale-proposal',
    defaultSeverity: 'info',
    severity: 'info',
    description: 'An ADR has been proposed for longer than the threshold.',
    remediation: 'Accept or reject the proposal.',
    enabled: true,
    operational: true,
    lifecycles: {
      production: 'info',
      experimental: 'info',
      deprecated: 'skip',
    },
    options: { maxAgeDays: 30 },
  },
];

const PLACEHOLDERS = new Set(DEFAULT_OWNER_PLACEHOLDERS);

function finding(
  located: LocatedEntity,
  ruleId: string,
  severity: Severity,
  path: Array<string | number>,
  message: string,
): LintFinding {
  const { entity } = located;
  const kind = String(entity.kind ?? 'component').toLocaleLowerCase('en-US');
  const ref = `${kind}:${entity.metadata?.namespace ?? 'default'}/${
    entity.metadata?.name
  }`;
  const rule = FAKE_RULES.find(r => r.id === ruleId)!;
  return {
    ruleId,
    severity,
    message,
    remediation: rule.remediation,
    entityRef: ref,
    file: located.file,
    ...located.position(path),
  };
}

/**
 * A stand-in for the portal's rules in tests of the CLI's own parts: a few
 * simple checks with real positions, and two catalog rules reported as
 * skipped unless a catalog is given. Not the real rule evaluation.
 */
export const fakeLint: LintEntities = async (entities, options) => {
  const findings: LintFinding[] = [];
  const components = entities.filter(e => e.entity.kind === 'Component');
  for (const located of components) {
    const spec = located.entity.spec ?? {};
    const owner = typeof spec.owner === 'string' ? spec.owner : undefined;
    if (!owner || PLACEHOLDERS.has(owner.toLocaleLowerCase('en-US'))) {
      findings.push(
        finding(
          located,
          'owner.missing',
          'error',
          ['spec', 'owner'],
          owner ? `The owner "${owner}" is a placeholder` : 'No owner is set',
        ),
      );
    } else if (owner.startsWith('user:')) {
      findings.push(
        finding(
          located,
          'owner.individual',
          'warning',
          ['spec', 'owner'],
          `The owner ${owner} is a person`,
        ),
      );
    }
    const annotations = located.entity.metadata?.annotations ?? {};
    if (!annotations['ownership-portal/runbooks']) {
      findings.push(
        finding(
          located,
          'runbook.missing',
          'info',
          ['metadata', 'annotations'],
          'No runbook is linked',
        ),
      );
    }
  }
  return {
    findings,
    skipped: options.catalog
      ? []
      : [
          { ruleId: 'owner.unresolved', reason: 'needs the catalog' },
          { ruleId: 'owner.empty-team', reason: 'needs the catalog' },
        ],
    rules: FAKE_RULES,
    entities: entities.length,
  };
};
