import type {
  ServiceRecord,
  Severity,
} from '@ownership-portal/plugin-ownership-common';

/**
 * What a rule reports for one entity. The engine adds the rule id and the
 * configured severity.
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
   * Checks one entity; returns one outcome per problem, or none.
   * Must not throw for bad entity data: report it as an outcome instead.
   */
  evaluate(record: ServiceRecord): RuleOutcome[] | Promise<RuleOutcome[]>;
}
