import type { Config } from '@backstage/config';
import type {
  Finding,
  MaturityLevel,
  ResolvedService,
  RuleDescription,
} from '@ownership-portal/plugin-ownership-common';
import type { OwnershipRule, RuleContext } from '../rules/types';
import {
  readRuleSettings,
  type RuleSettings,
  severityFor,
} from './ruleSettings';
import type { WarningLogger } from './WarningLogger';
import { maturityLevel, score } from './maturity';

function configuredRuleIds(config: Config): string[] {
  const rules = config.getOptionalConfig('ownership.rules');
  return (rules?.keys() ?? []).flatMap(category =>
    (rules!.getOptionalConfig(category)?.keys() ?? []).map(
      name => `${category}.${name}`,
    ),
  );
}

/**
 * What the engine concludes about one entity.
 *
 * @public
 */
export interface RuleEvaluation {
  /** One finding per problem, with the effective severity. */
  findings: Finding[];
  /** 0–100: the severity-weighted share of applicable rules it passes. */
  score: number;
  /** The highest maturity level with no finding at or below it. */
  level: MaturityLevel;
}

/**
 * Applies every registered rule to an entity with its effective
 * configuration (`ownership.rules.<id>`) and the lifecycle-aware severity.
 *
 * @public
 */
export class RuleEngine {
  /** Reads each rule's settings; warns about settings that name no rule. */
  static create(deps: {
    /** The rules, e.g. {@link builtInRules} plus those of modules, sorted by id. */
    rules: { list(): OwnershipRule[] };
    /** Settings under `ownership.rules`. */
    config: Config;
    logger: WarningLogger;
  }) {
    const configured = deps.rules
      .list()
      .map(rule => ({ rule, settings: readRuleSettings(deps.config, rule) }));
    const unknown = configuredRuleIds(deps.config).filter(
      id => !configured.some(c => c.rule.id === id),
    );
    if (unknown.length) {
      deps.logger.warn(
        `ownership.rules configures ${unknown.join(
          ', ',
        )}, but no installed rule has that id; check the spelling or install the module that adds it`,
      );
    }
    return new RuleEngine(configured, deps.logger);
  }

  private readonly failing = new Set<string>();

  private constructor(
    private readonly rules: Array<{
      rule: OwnershipRule;
      settings: RuleSettings;
    }>,
    private readonly logger: WarningLogger,
  ) {}

  /** Every rule with its effective configuration, sorted by id. */
  describe(): RuleDescription[] {
    return this.rules.map(({ rule, settings }) => ({
      id: rule.id,
      defaultSeverity: rule.defaultSeverity,
      description: rule.description,
      remediation: rule.remediation,
      enabled: settings.enabled,
      severity: settings.severity,
      operational: settings.operational,
      lifecycles: settings.lifecycles,
      options: settings.options.get<Record<string, unknown>>(),
    }));
  }

  /** Runs every enabled rule that applies to the entity; a rule that throws is left out for it. */
  async evaluate(service: ResolvedService, now: Date): Promise<RuleEvaluation> {
    const findings: Finding[] = [];
    const applicable: Array<{
      severity: Finding['severity'];
      passed: boolean;
    }> = [];
    for (const { rule, settings } of this.rules) {
      const severity = severityFor(settings, service.lifecycle);
      if (
        !settings.enabled ||
        severity === 'skip' ||
        !this.applies(rule, service, { now, options: settings.options })
      ) {
        continue;
      }
      const outcomes = await this.run(rule, service, settings, now);
      if (outcomes === undefined) {
        continue;
      }
      applicable.push({ severity, passed: outcomes.length === 0 });
      for (const outcome of outcomes) {
        findings.push({
          ruleId: rule.id,
          severity,
          message: outcome.message,
          remediation: outcome.remediation ?? rule.remediation,
        });
      }
    }
    return {
      findings,
      score: score(applicable),
      level: maturityLevel(findings.map(f => f.ruleId)),
    };
  }

  private applies(
    rule: OwnershipRule,
    service: ResolvedService,
    context: RuleContext,
  ): boolean {
    try {
      return rule.appliesTo?.(service, context) ?? true;
    } catch (error) {
      this.reportFailure(rule, service, error);
      return false;
    }
  }

  /** A rule that throws is left out for that entity, not the whole run. */
  private async run(
    rule: OwnershipRule,
    service: ResolvedService,
    settings: RuleSettings,
    now: Date,
  ) {
    try {
      return await rule.evaluate(service, { now, options: settings.options });
    } catch (error) {
      this.reportFailure(rule, service, error);
      return undefined;
    }
  }

  private reportFailure(
    rule: OwnershipRule,
    service: ResolvedService,
    error: unknown,
  ) {
    if (!this.failing.has(rule.id)) {
      this.failing.add(rule.id);
      this.logger.warn(
        `Ownership rule "${rule.id}" failed on ${service.entityRef} and was skipped for it: ${error}`,
      );
    }
  }
}
