export type { OwnershipRule, RuleContext, RuleOutcome } from './types';
export {
  ownershipRulesExtensionPoint,
  type OwnershipRulesExtensionPoint,
} from './extensionPoint';
export { validateRule } from './validateRule';
