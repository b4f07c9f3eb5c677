/**
 * Milliseconds in a day of 24 hours, for day counts and windows measured in
 * UTC. Not for calendar days in a zone with DST changes.
 *
 * @public
 */
export const DAY_MS = 24 * 60 * 60 * 1000;
