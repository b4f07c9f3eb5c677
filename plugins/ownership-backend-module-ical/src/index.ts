/**
 * Ownership Portal backend module: on-call from iCalendar (`.ics`) feeds.
 *
 * @packageDocumentation
 */

export { ownershipModuleIcal as default } from './module';
export {
  ICalOnCallProvider,
  type ICalOnCallProviderOptions,
} from './ICalOnCallProvider';
