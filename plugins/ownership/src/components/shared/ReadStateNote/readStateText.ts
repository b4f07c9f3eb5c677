import type {
  ReadState,
  StaleRead,
} from '@ownership-portal/plugin-ownership-common';
import { formatDateTime, relativeTime } from '../format';

/** "Could not be read just now: …", for a document or source with nothing to show. */
export function unknownText(reason: string | undefined): string {
  return `Could not be read just now${reason ? `: ${reason}` : ''}`;
}

/** "Stale copy from 3 hours ago: could not be read just now: …". */
export function staleText(stale: StaleRead, now: number = Date.now()): string {
  return `Stale copy from ${relativeTime(stale.readAt, now)} (${formatDateTime(
    stale.readAt,
  )}): ${unknownText(stale.reason).replace(/^C/, 'c')}`;
}

/** The sentence for a {@link ReadState}, stale or unknown. */
export function readStateText(
  state: ReadState,
  now: number = Date.now(),
): string {
  return state.status === 'stale' && state.readAt
    ? staleText({ reason: state.reason, readAt: state.readAt }, now)
    : unknownText(state.reason);
}
