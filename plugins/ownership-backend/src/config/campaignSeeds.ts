import type { Config } from '@backstage/config';
import type {
  AttestationAnswer,
  CampaignScope,
} from '@ownership-portal/plugin-ownership-common';
import { Duration } from 'luxon';

const KEY = 'ownership.campaigns.seed';
const ANSWERS: AttestationAnswer[] = [
  'confirm',
  'transfer',
  'not-ours',
  'retire',
];

/** A recorded answer of a seeded campaign. */
export interface SeedAnswer {
  entityRef: string;
  answer: AttestationAnswer;
  by: string;
  transferTo?: string;
  reason?: string;
  comment?: string;
}

/** A campaign that the backend creates once, e.g. the example organisation's. */
export interface CampaignSeed {
  key: string;
  title: string;
  instructions: string;
  scope?: CampaignScope;
  /** When it opens and is due, from the moment of seeding. */
  opensAt: (now: Date) => Date;
  dueAt: (now: Date) => Date;
  createdBy: string;
  answers: SeedAnswer[];
}

/** An ISO date-time, or an ISO 8601 duration from now with a sign (`-P10D`, `P7D`). */
function readMoment(config: Config, key: string, path: string) {
  const value = config.getString(key);
  const negative = value.startsWith('-');
  const duration = Duration.fromISO(negative ? value.slice(1) : value);
  if (duration.isValid) {
    const ms = duration.toMillis() * (negative ? -1 : 1);
    return (now: Date) => new Date(now.getTime() + ms);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new Error(
      `Invalid ${path}.${key}: "${value}" is neither a date-time nor a duration such as -P10D`,
    );
  }
  return () => date;
}

/** Reads `ownership.campaigns.seed`; throws naming the key for a bad value. */
export function readCampaignSeeds(config: Config): CampaignSeed[] {
  return (config.getOptionalConfigArray(KEY) ?? []).map((seed, i) => {
    const path = `${KEY}[${i}]`;
    return {
      key: seed.getString('key'),
      title: seed.getString('title'),
      instructions: seed.getOptionalString('instructions') ?? '',
      ...(seed.has('scope') && {
        scope: seed.get('scope') as CampaignScope,
      }),
      opensAt: readMoment(seed, 'opensAt', path),
      dueAt: readMoment(seed, 'dueAt', path),
      createdBy: seed.getString('createdBy'),
      answers: (seed.getOptionalConfigArray('answers') ?? []).map((a, j) => {
        const answer = a.getString('answer') as AttestationAnswer;
        if (!ANSWERS.includes(answer)) {
          throw new Error(
            `Invalid ${path}.answers[${j}].answer: "${answer}" is not one of ${ANSWERS.join(
              ', ',
            )}`,
          );
        }
        return {
          entityRef: a.getString('entity'),
          answer,
          by: a.getString('by'),
          ...(a.has('transferTo') && { transferTo: a.getString('transferTo') }),
          ...(a.has('reason') && { reason: a.getString('reason') }),
          ...(a.has('comment') && { comment: a.getString('comment') }),
        };
      }),
    };
  });
}
