import type {
  CacheService,
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  coverage,
  createResilience,
  type OnCallContext,
  type OnCallProvider,
  type OnCallResolution,
  type OnCallSubject,
  type OnCallTarget,
  type Resilience,
  type ResilienceOptions,
  DAY_MS,
} from '@ownership-portal/plugin-ownership-node';
import type { FeedShift } from './events';
import { InvalidCalendarError, parseFeed } from './parseFeed';
import type { FeedPerson } from './people';
import { feedKey, feedLabel } from './feedLabel';
import { readFeed } from './readFeed';

/** The annotation naming a service's or team's iCalendar feed. */
export const ICAL_ANNOTATION = 'ownership-portal/oncall-ical';

const NEXT_SHIFTS = 5;
const MAX_HOSTS = 200;

type OnCallUser = OnCallResolution['onCallNow'][number]['user'];

/**
 * Settings of {@link ICalOnCallProvider}.
 *
 * @public
 */
export interface ICalOnCallProviderOptions {
  urlReader: UrlReaderService;
  logger?: LoggerService;
  /** Timeout of each attempt to read a feed. Default 10 s. */
  timeoutMs?: number;
  /** Largest feed accepted, in bytes. Default 5 MB. */
  maxBytes?: number;
  /** Overrides of the resilience policies (retries, breaker), e.g. for tests. */
  resilience?: Partial<Omit<ResilienceOptions, 'name' | 'logger'>>;
  /**
   * Keeps each feed's text with its ETag for a day, so that an unchanged
   * feed is answered 304 instead of downloaded again.
   */
  cache?: CacheService;
}

interface ICalTargetData {
  url: string;
}

/** One person's time on call at one level, adjacent occurrences merged. */
interface PersonShift {
  person: FeedPerson;
  level: number;
  from: number;
  to: number;
}

function personKey(person: FeedPerson): string {
  return person.email ? `email:${person.email}` : `name:${person.name ?? ''}`;
}

/**
 * Splits occurrences per person and joins a person's back-to-back or
 * overlapping occurrences at the same level, so that `until` is when their
 * time on call really ends.
 */
function personShifts(shifts: FeedShift[]): PersonShift[] {
  const byKey = new Map<string, PersonShift[]>();
  for (const shift of shifts) {
    for (const person of shift.people) {
      const key = `${shift.level}|${personKey(person)}`;
      const list = byKey.get(key) ?? [];
      list.push({
        person,
        level: shift.level,
        from: shift.from.getTime(),
        to: shift.to.getTime(),
      });
      byKey.set(key, list);
    }
  }
  const merged: PersonShift[] = [];
  for (const list of byKey.values()) {
    list.sort((a, b) => a.from - b.from);
    let current: PersonShift | undefined;
    for (const shift of list) {
      if (current && shift.from <= current.to) {
        current.to = Math.max(current.to, shift.to);
        current.person = {
          ...current.person,
          name: current.person.name ?? shift.person.name,
        };
      } else {
        current = { ...shift };
        merged.push(current);
      }
    }
  }
  return merged;
}

function httpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** `webcal://` and `webcals://` subscription links are read over HTTPS. */
function readableUrl(url: string): string {
  return url.replace(/^webcals?:\/\//i, 'https://');
}

function scheduleNameFromUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const parts = parsed.pathname.split('/').filter(Boolean);
    const last = parts[parts.length - 1];
    return last ? decodeURIComponent(last) : parsed.hostname;
  } catch {
    return url;
  }
}

/**
 * On-call from iCalendar (`.ics`) feeds: Google Calendar, Outlook, Opsgenie
 * or any tool that publishes a schedule as a calendar. A service or its team
 * names the feed with the `ownership-portal/oncall-ical` annotation; each
 * occurrence of an event is a shift.
 *
 * @public
 */
export class ICalOnCallProvider implements OnCallProvider {
  readonly id = 'ical';
  readonly remote = true;

  private readonly urlReader: UrlReaderService;
  private readonly logger?: LoggerService;
  private readonly maxBytes: number;
  private readonly timeoutMs: number;
  private readonly resilienceOptions: ICalOnCallProviderOptions['resilience'];
  private readonly cache?: CacheService;
  /** One set of policies per host: one failing host does not pause others. */
  private readonly resilience = new Map<string, Resilience>();

  constructor(options: ICalOnCallProviderOptions) {
    this.urlReader = options.urlReader;
    this.logger = options.logger;
    this.maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.resilienceOptions = options.resilience;
    this.cache = options.cache;
  }

  match(subject: OnCallSubject): OnCallTarget | undefined {
    const own = subject.service.annotations[ICAL_ANNOTATION]?.trim();
    if (own) {
      return this.target(own, 'service-annotation');
    }
    const team = subject.team?.annotations[ICAL_ANNOTATION]?.trim();
    if (team) {
      return this.target(team, 'team-annotation');
    }
    return undefined;
  }

  private target(
    url: string,
    matchedBy: OnCallTarget['matchedBy'],
  ): OnCallTarget {
    const data: ICalTargetData = { url };
    return { matchedBy, key: feedKey(url), data };
  }

  async resolve(
    target: OnCallTarget,
    context: OnCallContext,
  ): Promise<OnCallResolution> {
    const { url } = target.data as ICalTargetData;
    const source = readableUrl(url);
    let host: string;
    try {
      host = new URL(source).host;
    } catch {
      throw new Error(
        `The ${ICAL_ANNOTATION} annotation ${feedLabel(
          url,
        )} is not a URL of an iCalendar feed`,
      );
    }

    const text = await readFeed({
      urlReader: this.urlReader,
      resilience: this.resilienceFor(host),
      url: source,
      maxBytes: this.maxBytes,
      cache: this.cache,
    });

    const now = context.now.getTime();
    let feed;
    try {
      feed = parseFeed(text, {
        from: new Date(now - DAY_MS),
        to: new Date(now + 8 * DAY_MS),
      });
    } catch (error) {
      if (error instanceof InvalidCalendarError) {
        throw new Error(`iCalendar feed ${feedLabel(url)} is ${error.message}`);
      }
      throw error;
    }
    if (feed.skipped.length) {
      this.logger?.warn(
        `iCalendar feed ${feedLabel(url)}: left out ${
          feed.skipped.length
        } unreadable event(s): ${feed.skipped.slice(0, 3).join('; ')}`,
      );
    }
    if (feed.truncated.length) {
      this.logger?.warn(
        `iCalendar feed ${feedLabel(
          url,
        )} is larger than its limits allow; ${feed.truncated.join('; ')}`,
      );
    }

    const users = new Map<string, OnCallUser>();
    const userOf = (person: FeedPerson): OnCallUser => {
      const key = personKey(person);
      let user = users.get(key);
      if (!user) {
        const known = person.email
          ? context.userByEmail(person.email)
          : undefined;
        if (known) {
          user = { ...known, email: known.email ?? person.email };
        } else {
          user = {
            name: person.name ?? person.email ?? 'unknown',
            ...(person.email ? { email: person.email } : {}),
          };
        }
        users.set(key, user);
      }
      return user;
    };

    const shifts = personShifts(feed.shifts);
    const onCallNow = shifts
      .filter(s => s.from <= now && now < s.to)
      .sort(
        (a, b) =>
          a.level - b.level ||
          a.from - b.from ||
          userOf(a.person).name.localeCompare(userOf(b.person).name),
      )
      .map(s => ({
        user: userOf(s.person),
        level: s.level,
        until: new Date(s.to).toISOString(),
      }));

    const next = shifts
      .filter(s => s.level === 1 && s.from > now)
      .sort((a, b) => a.from - b.from || a.to - b.to)
      .slice(0, NEXT_SHIFTS)
      .map(s => ({
        user: userOf(s.person),
        from: new Date(s.from).toISOString(),
        to: new Date(s.to).toISOString(),
      }));

    const { status, gaps } = coverage(
      feed.shifts.filter(s => s.level === 1),
      context.now,
    );

    return {
      scheduleName: feed.name ?? scheduleNameFromUrl(source),
      ...(httpUrl(url) ? { scheduleUrl: url } : {}),
      status,
      onCallNow,
      escalation: [],
      next,
      gaps,
    };
  }

  private resilienceFor(host: string): Resilience {
    let resilience = this.resilience.get(host);
    if (!resilience) {
      if (this.resilience.size >= MAX_HOSTS) {
        const oldest = this.resilience.keys().next().value;
        if (oldest !== undefined) {
          this.resilience.delete(oldest);
        }
      }
      resilience = createResilience({
        timeoutMs: this.timeoutMs,
        ...this.resilienceOptions,
        name: `iCalendar feed host ${host}`,
        logger: this.logger,
      });
      this.resilience.set(host, resilience);
    }
    return resilience;
  }
}
