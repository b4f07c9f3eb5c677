/**
 * PagerDuty on-call provider for the Ownership Portal backend.
 *
 * @packageDocumentation
 */

export { ownershipModulePagerDuty as default } from './module';
export { PAGERDUTY_ANNOTATIONS } from './annotations';
export {
  PagerDutyOnCallProvider,
  type PagerDutyOnCallProviderOptions,
} from './PagerDutyOnCallProvider';
