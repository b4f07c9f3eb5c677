export {
  createResilience,
  type Resilience,
  type ResilienceOptions,
} from './createResilience';
export { RemoteHttpError, retryAfterMs } from './errors';
export { fetchJson } from './fetchJson';
export { BodyTooLargeError, readResponseBody } from './readResponseBody';
