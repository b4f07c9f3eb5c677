import { mockApis } from '@backstage/frontend-test-utils';
import { ownershipTranslationRef } from '../../../translation';
import { readStateTexts } from './readStateText';

const { readStateText, staleText, unknownText } = readStateTexts(
  mockApis.translation().getTranslation(ownershipTranslationRef).t,
);

describe('readStateText', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');

  it('says a document could not be read just now, with the reason', () => {
    expect(unknownText('503 Service Unavailable')).toBe(
      'Could not be read just now: 503 Service Unavailable',
    );
    expect(unknownText(undefined)).toBe('Could not be read just now');
    expect(readStateText({ status: 'unknown', reason: 'timed out' }, now)).toBe(
      'Could not be read just now: timed out',
    );
  });

  it('says a stale copy is one, how old it is and why', () => {
    const stale = { reason: 'reset', readAt: '2026-12-01T09:00:00Z' };
    expect(staleText(stale, now)).toMatch(
      /^Stale copy from 3 hours ago \(.+\): could not be read just now: reset$/,
    );
    expect(readStateText({ status: 'stale', ...stale }, now)).toBe(
      staleText(stale, now),
    );
  });
});
