import type { TranslationFunction } from '@backstage/frontend-plugin-api';
import type {
  ReadState,
  StaleRead,
} from '@ownership-portal/plugin-ownership-common';
import type { ownershipTranslationRef } from '../../../translation';
import { formatDateTime, relativeTime } from '../format';

/** The sentences for documents and sources that could not be read just now. */
export interface ReadStateTexts {
  /** "Could not be read just now: …", for a document or source with nothing to show. */
  unknownText(reason: string | undefined): string;
  /** "Stale copy from 3 hours ago: could not be read just now: …". */
  staleText(stale: StaleRead, now?: number): string;
  /** The sentence for a {@link ReadState}, stale or unknown. */
  readStateText(state: ReadState, now?: number): string;
}

/**
 * The read-state sentences in the reader's language; `t` is the plugin's
 * translation function (`useTranslationRef(ownershipTranslationRef).t`).
 */
export function readStateTexts(
  t: TranslationFunction<typeof ownershipTranslationRef.T>,
): ReadStateTexts {
  const unknownText = (reason: string | undefined) =>
    reason
      ? t('shared.readState.unknownWithReason', { reason })
      : t('shared.readState.unknown');
  const staleText = (stale: StaleRead, now: number = Date.now()) => {
    const when = relativeTime(stale.readAt, now);
    const time = formatDateTime(stale.readAt);
    return stale.reason
      ? t('shared.readState.staleWithReason', {
          when,
          time,
          reason: stale.reason,
        })
      : t('shared.readState.stale', { when, time });
  };
  return {
    unknownText,
    staleText,
    readStateText: (state: ReadState, now: number = Date.now()) =>
      state.status === 'stale' && state.readAt
        ? staleText({ reason: state.reason, readAt: state.readAt }, now)
        : unknownText(state.reason),
  };
}
