export type {
  OnCallContext,
  OnCallProvider,
  OnCallResolution,
  OnCallSubject,
  OnCallTarget,
} from './types';
export {
  ownershipOnCallProvidersExtensionPoint,
  type OwnershipOnCallProvidersExtensionPoint,
} from './extensionPoint';
export { coverage } from './coverage';
