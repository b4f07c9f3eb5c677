export type { TechDebtSource, TechDebtSubject } from './types';
export {
  ownershipTechDebtSourcesExtensionPoint,
  type OwnershipTechDebtSourcesExtensionPoint,
} from './extensionPoint';
