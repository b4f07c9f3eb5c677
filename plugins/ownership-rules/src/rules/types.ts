import type { Config } from '@backstage/config';
import type {
  ResolvedService,
  Severity,
} from '@ownership-portal/plugin-ownership-common';

/**
 * What a rule reports for one entity. The engine adds the rule id and the
 * effective severity.
 *
 * @public
 */
export interface RuleOutcome {
  /** Names the entity and the offending value. */
  message: string;
  /** Overrides the rule's general remediation with a specific one. */
  remediation?: string;
}

/**
 * What the engine hands a rule besides the entity.
 *
 * @public
 */
export interface RuleContext {
  /** The time of the run; rules compare dates against it, never the clock. */
  now: Date;
  /**
   * The rule's own configuration, `ownership.rules.<id>`, for thresholds.
   * Empty when nothing is configured.
   */
  options: Config;
}

/**
 * An audit rule.
 *
 * @public
 */
export interface OwnershipRule {
  /** Stable id of the form `<category>.<name>`, e.g. `owner.missing`. */
  id: string;
  /** Severity when `ownership.rules.<id>.severity` does not say otherwise. */
  defaultSeverity: Severity;
  /** One sentence on what the rule checks. */
  description: string;
  /** What to change to satisfy the rule, in general terms. */
  remediation: string;
  /**
   * Whether the rule applies to an entity at all; only applicable rules
   * count towards the entity's score. Applies to every entity when absent.
   * Gets the same context as `evaluate`, so options such as a tier filter
   * decide applicability too.
   */
  appliesTo?(service: ResolvedService, context: RuleContext): boolean;
  /**
   * Checks one entity; returns one outcome per problem, or none.
   * Must not throw for bad entity data: report it as an outcome instead.
   */
  evaluate(
    service: ResolvedService,
    context: RuleContext,
  ): RuleOutcome[] | Promise<RuleOutcome[]>;
}
