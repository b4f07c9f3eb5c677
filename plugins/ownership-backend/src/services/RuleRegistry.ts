import {
  type OwnershipRule,
  validateRule,
} from '@ownership-portal/plugin-ownership-node';

/** The audit rules known to this backend: built-in ones and those added by modules. */
export class RuleRegistry {
  static create(options: { rules: OwnershipRule[] }): RuleRegistry {
    return new RuleRegistry(options.rules);
  }

  readonly #rules = new Map<string, OwnershipRule>();

  private constructor(rules: OwnershipRule[]) {
    for (const rule of rules) {
      validateRule(rule);
      if (this.#rules.has(rule.id)) {
        throw new Error(
          `Ownership rule "${rule.id}" is registered twice; rule ids must be unique across backend modules`,
        );
      }
      this.#rules.set(rule.id, rule);
    }
  }

  /** Every rule, sorted by id. */
  list(): OwnershipRule[] {
    return [...this.#rules.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}
