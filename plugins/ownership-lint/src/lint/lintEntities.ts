import type { Entity } from '@backstage/catalog-model';
import { type Config, ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import type {
  ResolvedService,
  RuleDescription,
} from '@ownership-portal/plugin-ownership-common';
import {
  builtInRules,
  collectRunbooks,
  DEFAULT_DEBT_MAX_AGE_DAYS,
  DEFAULT_OWNER_PLACEHOLDERS,
  readDebtRegister,
  readEntityAdrs,
  readOwnerRef,
  RuleEngine,
  RUNBOOK_STALE_MAX_AGE_DAYS,
  summariseDebt,
  toServiceRecord,
} from '@ownership-portal/plugin-ownership-rules';
import { pathToFileURL } from 'node:url';
import { findingPosition } from './findingPosition';
import { resolveOwner } from './ownerResolution';
import { repositoryReader } from './repositoryReader';
import { systemTiers } from './systemTiers';
import { teamLinks } from './teamLinks';
import type {
  LintEntities,
  LintFinding,
  LocatedEntity,
  LintOptions,
  SkippedRule,
} from './types';

const AUDITED_KINDS = ['component', 'system', 'api', 'resource'];
const DEFAULT_OPERATIONAL_TYPES = ['service', 'website'];
const MANAGED_BY = 'backstage.io/managed-by-location';
/** Rules that judge the portal's on-call answer for the entity. */
const ONCALL_ANSWER_RULES = ['oncall.missing', 'oncall.gap'];

/** Rules that need what only a running portal knows. */
const NEEDS_CATALOG: Record<string, string> = {
  'owner.empty-team': 'needs the catalog: pass --catalog-url',
  'oncall.missing': 'needs the catalog: pass --catalog-url',
  'oncall.gap': 'needs the catalog: pass --catalog-url',
};
const NEEDS_PORTAL: Record<string, string> = {
  'owner.disputed': "needs the portal's audit campaigns",
  'owner.codeowners-mismatch':
    "needs the portal, which maps CODEOWNERS teams to the catalog's Groups and their parents and children",
};

function isEntity(located: LocatedEntity): boolean {
  const { kind, metadata } = located.entity;
  return (
    typeof kind === 'string' &&
    typeof metadata?.name === 'string' &&
    AUDITED_KINDS.includes(kind.toLocaleLowerCase('en-US'))
  );
}

/** The entity with the location the catalog would give it, so relative documents resolve. */
function asCatalogEntity(located: LocatedEntity): Entity {
  const entity = located.entity as unknown as Entity;
  const annotations = entity.metadata.annotations ?? {};
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...annotations,
        [MANAGED_BY]:
          annotations[MANAGED_BY] ??
          `file:${pathToFileURL(located.file).pathname}`,
      },
    },
  };
}

/**
 * The configuration with the skipped rules turned off, so that settings for
 * them in the config file are accepted but nothing runs.
 */
function withRulesOff(config: Config, ruleIds: Set<string>): Config {
  const data = (config.getOptional<JsonObject>() ?? {}) as JsonObject;
  const ownership = (data.ownership ?? {}) as JsonObject;
  const rules = { ...((ownership.rules ?? {}) as JsonObject) };
  for (const id of ruleIds) {
    const [category, name] = [
      id.slice(0, id.indexOf('.')),
      id.slice(id.indexOf('.') + 1),
    ];
    const byName = { ...((rules[category] ?? {}) as JsonObject) };
    byName[name] = { ...((byName[name] ?? {}) as JsonObject), enabled: false };
    rules[category] = byName;
  }
  return new ConfigReader({ ...data, ownership: { ...ownership, rules } });
}

/** `file:` URLs of the repository as paths relative to its root, as CI output wants them. */
function repositoryRelative(root: string): (text: string) => string {
  const prefix = `${pathToFileURL(root).href.replace(/\/$/, '')}/`;
  return text => text.split(prefix).join('');
}

function skippedRules(options: LintOptions): SkippedRule[] {
  const skipped = {
    ...NEEDS_PORTAL,
    ...(options.catalog ? {} : NEEDS_CATALOG),
  };
  const installed = new Set(builtInRules.map(r => r.id));
  const list = Object.entries(skipped)
    .filter(([ruleId]) => installed.has(ruleId))
    .map(([ruleId, reason]) => ({ ruleId, reason }));
  if (!options.catalog) {
    list.push({
      ruleId: 'owner.unresolved',
      reason:
        'checks only that spec.owner is a well-formed ref; whether it exists needs the catalog: pass --catalog-url',
    });
  }
  return list;
}

/**
 * Lints entities read from catalog files with the portal's own rules,
 * messages and remediations. Rules that need the catalog run only with
 * `options.catalog`; the others are reported as skipped.
 */
export const lintEntities: LintEntities = async (entities, options) => {
  const { config, now } = options;
  const skipped = skippedRules(options);
  const fullySkipped = new Set(
    skipped.filter(s => s.ruleId !== 'owner.unresolved').map(s => s.ruleId),
  );
  const engine = RuleEngine.create({
    rules: { list: () => builtInRules },
    config: withRulesOff(config, fullySkipped),
    logger: {
      warn:
        options.warn ??
        (message => process.stderr.write(`warning: ${message}\n`)),
    },
  });
  const placeholders = new Set(
    (
      config.getOptionalStringArray('ownership.owners.placeholders') ??
      DEFAULT_OWNER_PLACEHOLDERS
    ).map(p => p.trim().toLocaleLowerCase('en-US')),
  );
  const operationalTypes = (
    config.getOptionalStringArray('ownership.scope.operationalTypes') ??
    DEFAULT_OPERATIONAL_TYPES
  ).map(t => t.toLocaleLowerCase('en-US'));
  const runbookMaxAgeDays =
    config.getOptionalNumber('ownership.rules.runbook.stale.maxAgeDays') ??
    RUNBOOK_STALE_MAX_AGE_DAYS;
  const debtMaxAgeDays =
    config.getOptionalNumber('ownership.rules.techdebt.overdue.maxAgeDays') ??
    DEFAULT_DEBT_MAX_AGE_DAYS;

  const audited = entities.filter(isEntity);
  const linksOfTeam = teamLinks(entities, options.catalog);
  let undecidedRunbooks = 0;
  const tierOf = await systemTiers(audited, options.catalog);
  const reader = repositoryReader(options.root);
  const findings: LintFinding[] = [];
  const relative = repositoryRelative(options.root);

  for (const located of audited) {
    const entity = asCatalogEntity(located);
    const record = toServiceRecord(entity, { operationalTypes });
    const written = readOwnerRef(
      entity.spec?.owner,
      record.namespace,
      placeholders,
    );
    const ownerResolution = await resolveOwner(written, options.catalog);
    const systemTier = record.system ? tierOf(record.system) : undefined;
    const ownerLinks =
      ownerResolution.kind === 'Group' && ownerResolution.entityRef
        ? await linksOfTeam(ownerResolution.entityRef)
        : [];
    const resolved: ResolvedService = {
      ...record,
      ownerResolution,
      ...(systemTier && { systemTier }),
      ...(ownerLinks?.length && { teamLinks: ownerLinks }),
    };
    const [runbooks, adrs, register, oncall] = await Promise.all([
      collectRunbooks(resolved, { reader, now, maxAgeDays: runbookMaxAgeDays }),
      readEntityAdrs(record, reader),
      readDebtRegister(record, reader),
      options.catalog?.getOnCall(record.entityRef),
    ]);
    const service: ResolvedService = {
      ...resolved,
      runbooks,
      ...adrs,
      ...(register && {
        techDebt: {
          ...summariseDebt(register.items, register.problems, {
            now,
            maxAgeDays: debtMaxAgeDays,
          }),
          ...(register.registerUrl && { registerUrl: register.registerUrl }),
          ...(register.reads.length && { reads: register.reads }),
        },
      }),
      ...(oncall !== undefined && {
        oncall: oncall as ResolvedService['oncall'],
      }),
    };
    const evaluation = await engine.evaluate(service, now);
    for (const finding of evaluation.findings) {
      // Without the portal's answer for this entity, nothing is known of its on-call.
      if (
        ONCALL_ANSWER_RULES.includes(finding.ruleId) &&
        oncall === undefined
      ) {
        continue;
      }
      // The team may link a runbook that only the catalog knows of.
      if (finding.ruleId === 'runbook.missing' && ownerLinks === undefined) {
        undecidedRunbooks += 1;
        continue;
      }
      const position = findingPosition(located, finding);
      findings.push({
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: relative(finding.message),
        remediation: relative(finding.remediation),
        entityRef: record.entityRef,
        file: located.file,
        line: position.line,
        column: position.column,
      });
    }
  }

  if (undecidedRunbooks > 0) {
    skipped.push({
      ruleId: 'runbook.missing',
      reason: `not decided for ${undecidedRunbooks} ${
        undecidedRunbooks === 1 ? 'entity' : 'entities'
      }: their team may link a runbook, and its Group is neither in these files nor read from a catalog (pass --catalog-url)`,
    });
  }
  const described: RuleDescription[] = engine.describe();
  return {
    findings,
    skipped,
    rules: described,
    entities: audited.length,
  };
};
