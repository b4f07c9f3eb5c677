import {
  builtInRules,
  type OwnershipRule,
} from '@ownership-portal/plugin-ownership-rules';

/** The built-in rule with this id; throws when there is none. */
export function builtInRule(id: string): OwnershipRule {
  const rule = builtInRules.find(r => r.id === id);
  if (!rule) {
    throw new Error(`No built-in rule "${id}"`);
  }
  return rule;
}

/** The built-in rules of one category, e.g. `owner`. */
export function builtInRulesOf(category: string): OwnershipRule[] {
  return builtInRules.filter(r => r.id.startsWith(`${category}.`));
}
