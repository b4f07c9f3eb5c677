export {
  createResilience,
  type Resilience,
  type ResilienceOptions,
} from './createResilience';
export {
  isTransientFailure,
  RemoteHttpError,
  ResilienceError,
  retryAfterMs,
} from './errors';
export {
  createLastGoodCache,
  type LastGood,
  type LastGoodCache,
} from './lastGood';
export { fetchJson } from './fetchJson';
export { BodyTooLargeError, readResponseBody } from './readResponseBody';
