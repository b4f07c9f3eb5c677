// The rule contract lives with the built-in rules, which the ownership-lint
// CLI runs without a backend; modules keep importing it from here.
export type {
  OwnershipRule,
  RuleContext,
  RuleOutcome,
} from '@ownership-portal/plugin-ownership-rules';
export { validateRule } from '@ownership-portal/plugin-ownership-rules';
export {
  ownershipRulesExtensionPoint,
  type OwnershipRulesExtensionPoint,
} from './extensionPoint';
