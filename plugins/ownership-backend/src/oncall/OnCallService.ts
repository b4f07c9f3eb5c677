import { createHash } from 'node:crypto';
import { toError } from '@backstage/errors';
import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type {
  OnCallAnswer,
  OnCallMatch,
} from '@ownership-portal/plugin-ownership-common';
import type {
  OnCallProvider,
  OnCallResolution,
  OnCallSubject,
  OnCallTarget,
} from '@ownership-portal/plugin-ownership-node';
import { rollForward } from './rollForward';
import type { UserDirectory } from './UserDirectory';

const SPECIFICITY: Record<OnCallMatch, number> = {
  'service-annotation': 0,
  'team-annotation': 1,
  team: 2,
};

/** Answers of local providers are reused this long at most. */
const LOCAL_MEMO_MS = 30_000;
/** Fresh answers of remote providers are reused this long. */
const FRESH_TTL_MS = 60_000;
/** The last known answer is kept this long, to serve when a provider is down. */
const LAST_KNOWN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

type Remembered = { resolution: OnCallResolution; checkedAt: string };

/**
 * Answers who is on call for a service: picks the most specific match
 * across providers, asks it, caches remote answers (about a minute, shared
 * by all replicas when the cache is Redis) and, when a remote provider
 * fails, serves its last known answer marked stale, or `status: unknown`.
 */
export class OnCallService {
  static create(deps: {
    providers: OnCallProvider[];
    cache: CacheService;
    users: UserDirectory;
    logger: LoggerService;
    /** How long a remote answer is reused; default one minute. */
    freshTtlMs?: number;
    now?: () => Date;
  }) {
    const ids = new Set<string>();
    for (const provider of deps.providers) {
      if (ids.has(provider.id)) {
        throw new Error(
          `On-call provider "${provider.id}" is registered twice; provider ids must be unique`,
        );
      }
      ids.add(provider.id);
    }
    return new OnCallService(deps);
  }

  private readonly inFlight = new Map<string, Promise<OnCallAnswer>>();
  /** Answers of local providers, kept until the next hand-off, at most 30 s. */
  private readonly localMemo = new Map<
    string,
    { answer: OnCallAnswer; expires: number }
  >();
  private readonly now: () => Date;

  private constructor(
    private readonly deps: {
      providers: OnCallProvider[];
      cache: CacheService;
      users: UserDirectory;
      logger: LoggerService;
      freshTtlMs?: number;
    } & { now?: () => Date },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The most specific match across providers, or undefined when none knows the subject. */
  match(
    subject: OnCallSubject,
  ): { provider: OnCallProvider; target: OnCallTarget } | undefined {
    let best: { provider: OnCallProvider; target: OnCallTarget } | undefined;
    for (const provider of this.deps.providers) {
      let target: OnCallTarget | undefined;
      try {
        target = provider.match(subject);
      } catch (error) {
        this.deps.logger.warn(
          `On-call provider "${provider.id}" failed to match ${subject.service.entityRef}: ${error}`,
        );
      }
      if (
        target &&
        (!best ||
          SPECIFICITY[target.matchedBy] < SPECIFICITY[best.target.matchedBy])
      ) {
        best = { provider, target };
      }
    }
    return best;
  }

  /** Who is on call for the subject now; undefined when no provider has a rotation for it. */
  answer(subject: OnCallSubject): Promise<OnCallAnswer | undefined> {
    return this.resolve(subject, (provider, target, key) =>
      this.askRemoteOnce(provider, target, key),
    );
  }

  /**
   * An answer without waiting for a remote provider: computed for local
   * providers, else the cached one (rolled forward to now) while a refresh
   * runs in the background. Undefined when nothing is known yet.
   */
  peek(subject: OnCallSubject): Promise<OnCallAnswer | undefined> {
    return this.resolve(subject, async (provider, target, key) => {
      this.askRemoteOnce(provider, target, key).catch(() => undefined);
      const last = await this.read(`last:${key}`);
      return last
        ? this.toAnswer(provider, target, last, true, 'refreshing')
        : undefined;
    });
  }

  /**
   * The shared path of {@link OnCallService.answer} and
   * {@link OnCallService.peek}: match, answer local providers at once, serve
   * a fresh cached remote answer, and leave a cache miss to `onMiss`.
   */
  private async resolve(
    subject: OnCallSubject,
    onMiss: (
      provider: OnCallProvider,
      target: OnCallTarget,
      key: string,
    ) => Promise<OnCallAnswer | undefined>,
  ): Promise<OnCallAnswer | undefined> {
    const match = this.match(subject);
    if (!match) {
      return undefined;
    }
    const { provider, target } = match;
    if (!provider.remote) {
      return this.askLocal(provider, target);
    }
    const key = cacheKey(provider, target);
    const fresh = await this.read(`fresh:${key}`);
    if (fresh) {
      return this.toAnswer(provider, target, fresh, false);
    }
    return onMiss(provider, target, key);
  }

  /** Asks a remote provider, sharing one call among concurrent callers. */
  private askRemoteOnce(
    provider: OnCallProvider,
    target: OnCallTarget,
    key: string,
  ): Promise<OnCallAnswer> {
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.askRemote(provider, target, key).finally(() =>
        this.inFlight.delete(key),
      );
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /**
   * The best answer available without waiting: {@link OnCallService.peek},
   * else the answer stored with the latest audit run, rolled forward and
   * marked stale.
   */
  async current(
    subject: OnCallSubject,
    stored?: OnCallAnswer,
  ): Promise<OnCallAnswer | undefined> {
    const peeked = await this.peek(subject);
    if (peeked || !stored) {
      return peeked;
    }
    return rollForward(
      { ...stored, stale: true, reason: 'as of the latest audit run' },
      this.now(),
    );
  }

  private async askLocal(
    provider: OnCallProvider,
    target: OnCallTarget,
  ): Promise<OnCallAnswer> {
    const key = `${cacheKey(provider, target)}:${target.matchedBy}`;
    const now = this.now().getTime();
    const memo = this.localMemo.get(key);
    if (memo && memo.expires > now) {
      return memo.answer;
    }
    const answer = await this.ask(provider, target);
    if (answer.status !== 'unknown') {
      if (this.localMemo.size > 10_000) {
        this.localMemo.clear();
      }
      this.localMemo.set(key, {
        answer,
        expires: Math.min(now + LOCAL_MEMO_MS, ...nextChanges(answer, now)),
      });
    }
    return answer;
  }

  /** Asks the provider now, with the catalog's users to match people against. */
  private async askProvider(
    provider: OnCallProvider,
    target: OnCallTarget,
  ): Promise<Remembered> {
    const checkedAt = this.now();
    const lookups = await this.deps.users.lookups();
    const resolution = await provider.resolve(target, {
      now: checkedAt,
      ...lookups,
    });
    return { resolution, checkedAt: checkedAt.toISOString() };
  }

  private async ask(
    provider: OnCallProvider,
    target: OnCallTarget,
  ): Promise<OnCallAnswer> {
    try {
      const remembered = await this.askProvider(provider, target);
      return this.toAnswer(provider, target, remembered, false);
    } catch (error) {
      return this.unknown(provider, target, error);
    }
  }

  private async askRemote(
    provider: OnCallProvider,
    target: OnCallTarget,
    key: string,
  ): Promise<OnCallAnswer> {
    try {
      const remembered = await this.askProvider(provider, target);
      await Promise.all([
        this.write(
          `fresh:${key}`,
          remembered,
          this.deps.freshTtlMs ?? FRESH_TTL_MS,
        ),
        this.write(`last:${key}`, remembered, LAST_KNOWN_TTL_MS),
      ]);
      return this.toAnswer(provider, target, remembered, false);
    } catch (error) {
      const last = await this.read(`last:${key}`);
      this.deps.logger.warn(
        `On-call provider "${provider.id}" failed for ${loggableKey(
          target.key,
        )} (${target.matchedBy})${
          last ? '; serving the last known answer' : ''
        }: ${error}`,
      );
      if (last) {
        return this.toAnswer(provider, target, last, true, reasonOf(error));
      }
      return this.unknown(provider, target, error);
    }
  }

  private toAnswer(
    provider: OnCallProvider,
    target: OnCallTarget,
    remembered: Remembered,
    stale: boolean,
    reason?: string,
  ): OnCallAnswer {
    const answer: OnCallAnswer = {
      ...remembered.resolution,
      source: provider.id,
      matchedBy: target.matchedBy,
      checkedAt: remembered.checkedAt,
      stale,
      ...(reason && { reason }),
    };
    return stale ? rollForward(answer, this.now()) : answer;
  }

  private unknown(
    provider: OnCallProvider,
    target: OnCallTarget,
    error: unknown,
  ): OnCallAnswer {
    return {
      source: provider.id,
      matchedBy: target.matchedBy,
      status: 'unknown',
      onCallNow: [],
      escalation: [],
      next: [],
      checkedAt: this.now().toISOString(),
      stale: false,
      reason: reasonOf(error),
    };
  }

  private async read(key: string): Promise<Remembered | undefined> {
    try {
      return (await this.deps.cache.get(`oncall:${key}`)) as
        | Remembered
        | undefined;
    } catch (error) {
      this.deps.logger.warn(`On-call cache read failed: ${error}`);
      return undefined;
    }
  }

  private async write(key: string, value: Remembered, ttl: number) {
    try {
      await this.deps.cache.set(`oncall:${key}`, value as never, { ttl });
    } catch (error) {
      this.deps.logger.warn(`On-call cache write failed: ${error}`);
    }
  }
}

/** Times after `now` at which an answer changes: hand-offs and holes. */
function nextChanges(answer: OnCallAnswer, now: number): number[] {
  return [
    ...answer.onCallNow.map(o => o.until),
    ...answer.next.map(n => n.from),
    ...(answer.gaps ?? []).flatMap(g => [g.from, g.to]),
  ]
    .filter((t): t is string => !!t)
    .map(t => Date.parse(t))
    .filter(t => t > now);
}

function cacheKey(provider: OnCallProvider, target: OnCallTarget): string {
  return `${provider.id}:${target.key}`;
}

/**
 * A target key as logs show it: its type and a fingerprint. Keys carry
 * secrets (a PagerDuty integration key, an iCalendar feed URL with its
 * token), so the value itself is never logged.
 */
export function loggableKey(key: string): string {
  const separator = key.indexOf(':');
  const type = separator > 0 ? key.slice(0, separator) : 'target';
  const fingerprint = createHash('sha256').update(key).digest('hex');
  return `${type}:#${fingerprint.slice(0, 8)}`;
}

function reasonOf(error: unknown): string {
  return toError(error).message;
}
