import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  coverage,
  createResilience,
  type OnCallContext,
  type OnCallProvider,
  type OnCallResolution,
  type OnCallSubject,
  type OnCallTarget,
  type ResilienceOptions,
  DAY_MS,
} from '@ownership-portal/plugin-ownership-node';
import { PAGERDUTY_ANNOTATIONS } from './annotations';
import { PagerDutyClient } from './client/PagerDutyClient';
import type {
  PdEscalationPolicy,
  PdEscalationTarget,
  PdOnCall,
  PdSchedule,
  PdUser,
} from './client/types';
import { DEFAULT_BASE_URL, readPagerDutyConfig } from './config';

type OnCallUser = OnCallResolution['onCallNow'][number]['user'];
type EscalationStep = OnCallResolution['escalation'][number];

/** Coverage, like the answer's `gaps`, looks this many days ahead. */
const HORIZON_DAYS = 7;
/** Upcoming first-level shifts in an answer. */
const NEXT_SHIFTS = 5;
/** Stand-ins for the null bounds of permanent on-calls. */
const FOREVER_AGO = -8.64e15;
const FOREVER = 8.64e15;

/** What a target asks PagerDuty about. */
type PagerDutyTargetData =
  | { type: 'service'; id: string }
  | { type: 'integration'; id: string }
  | { type: 'policy'; id: string }
  | { type: 'schedule'; id: string };

/**
 * Settings of {@link PagerDutyOnCallProvider.create}.
 *
 * @public
 */
export interface PagerDutyOnCallProviderOptions {
  /** REST API key, sent as `Authorization: Token token=<token>`. */
  token: string;
  /** Default `https://api.pagerduty.com`; EU accounts use `https://api.eu.pagerduty.com`. */
  baseUrl?: string;
  /** The account's web address, for links PagerDuty does not give. */
  webUrl?: string;
  logger?: LoggerService;
  /** Shares escalation policies and schedules between replicas. */
  cache?: CacheService;
  /** Timeout, retries, breaker and concurrency of the calls to PagerDuty. */
  resilience?: Omit<ResilienceOptions, 'name' | 'logger'>;
  /** Clock of the in-memory caches; defaults to `Date.now`. */
  clock?: () => number;
}

function annotation(
  annotations: Record<string, string> | undefined,
  key: string,
): string | undefined {
  const value = annotations?.[key]?.trim();
  return value ? value : undefined;
}

function target(
  matchedBy: OnCallTarget['matchedBy'],
  data: PagerDutyTargetData,
): OnCallTarget {
  return { matchedBy, key: `${data.type}:${data.id}`, data };
}

function targetData({ key }: OnCallTarget): PagerDutyTargetData {
  const separator = key.indexOf(':');
  const type = key.slice(0, separator);
  const id = key.slice(separator + 1);
  if (
    separator > 0 &&
    id &&
    (type === 'service' ||
      type === 'integration' ||
      type === 'policy' ||
      type === 'schedule')
  ) {
    return { type, id };
  }
  throw new Error(`Not a PagerDuty on-call target: ${key}`);
}

/** An ISO-8601 duration of whole minutes, e.g. `PT0M`, `PT45M`, `PT1H30M`. */
export function minutesToIsoDuration(minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  if (total === 0) {
    return 'PT0M';
  }
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  return `PT${hours ? `${hours}H` : ''}${rest ? `${rest}M` : ''}`;
}

function bounds(entry: PdOnCall) {
  return {
    from: entry.start ? Date.parse(entry.start) : FOREVER_AGO,
    to: entry.end ? Date.parse(entry.end) : FOREVER,
  };
}

/**
 * On-call answers from PagerDuty.
 *
 * Matches, most specific first: the service's `pagerduty.com/service-id`,
 * `pagerduty.com/integration-key`, `pagerduty.com/escalation-policy-id` and
 * `pagerduty.com/schedule-id`, then the team's escalation policy and
 * schedule annotations.
 *
 * Answers from the escalation policy's on-calls for the next 7 days:
 * everyone on call now at every level, lowest level first; status, gaps and
 * upcoming shifts from level 1, the level PagerDuty pages first.
 *
 * @public
 */
export class PagerDutyOnCallProvider implements OnCallProvider {
  readonly id = 'pagerduty';
  readonly remote = true;

  /**
   * Builds the provider from `ownership.oncall.pagerduty`; undefined when no
   * token is configured.
   */
  static fromConfig(
    config: Config,
    options: { logger?: LoggerService; cache?: CacheService } = {},
  ): PagerDutyOnCallProvider | undefined {
    const settings = readPagerDutyConfig(config);
    return settings
      ? PagerDutyOnCallProvider.create({ ...settings, ...options })
      : undefined;
  }

  static create(options: PagerDutyOnCallProviderOptions) {
    return new PagerDutyOnCallProvider(options);
  }

  private readonly client: PagerDutyClient;
  private readonly webUrl?: string;

  private constructor(options: PagerDutyOnCallProviderOptions) {
    const resilience = createResilience({
      ...options.resilience,
      name: 'PagerDuty',
      logger: options.logger,
    });
    this.client = new PagerDutyClient({
      token: options.token,
      baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
      resilience,
      logger: options.logger,
      cache: options.cache,
      clock: options.clock,
    });
    this.webUrl = options.webUrl?.replace(/\/+$/, '');
  }

  match(subject: OnCallSubject): OnCallTarget | undefined {
    const service = subject.service.annotations;
    const team = subject.team?.annotations;
    const serviceId = annotation(service, PAGERDUTY_ANNOTATIONS.serviceId);
    if (serviceId) {
      return target('service-annotation', { type: 'service', id: serviceId });
    }
    const key = annotation(service, PAGERDUTY_ANNOTATIONS.integrationKey);
    if (key) {
      return target('service-annotation', { type: 'integration', id: key });
    }
    for (const [annotations, matchedBy] of [
      [service, 'service-annotation'],
      [team, 'team-annotation'],
    ] as const) {
      const policyId = annotation(
        annotations,
        PAGERDUTY_ANNOTATIONS.escalationPolicyId,
      );
      if (policyId) {
        return target(matchedBy, { type: 'policy', id: policyId });
      }
      const scheduleId = annotation(
        annotations,
        PAGERDUTY_ANNOTATIONS.scheduleId,
      );
      if (scheduleId) {
        return target(matchedBy, { type: 'schedule', id: scheduleId });
      }
    }
    return undefined;
  }

  async resolve(
    onCallTarget: OnCallTarget,
    context: OnCallContext,
  ): Promise<OnCallResolution> {
    const { type, id } = targetData(onCallTarget);
    switch (type) {
      case 'service':
        return this.resolveService(id, context);
      case 'integration':
        return this.resolveService(
          await this.client.serviceIdForIntegrationKey(id),
          context,
        );
      case 'policy':
        return this.resolvePolicy(id, context);
      case 'schedule':
      default:
        return this.resolveSchedule(id, context);
    }
  }

  private async resolveService(id: string, context: OnCallContext) {
    const service = await this.client.getService(id);
    if (!service.escalation_policy?.id) {
      throw new Error(`PagerDuty service ${id} has no escalation policy`);
    }
    return this.resolvePolicy(service.escalation_policy.id, context);
  }

  private async resolvePolicy(
    id: string,
    context: OnCallContext,
  ): Promise<OnCallResolution> {
    const { since, until } = this.window(context);
    const [policy, entries] = await Promise.all([
      this.client.getEscalationPolicy(id),
      this.client.listOnCalls({ escalationPolicyId: id }, since, until),
    ]);
    return {
      scheduleName: policy.name ?? policy.summary,
      scheduleUrl:
        policy.html_url ?? this.webLink(`escalation_policies/${policy.id}`),
      ...this.answer(entries, context),
      escalation: this.escalation(policy, context),
    };
  }

  private async resolveSchedule(
    id: string,
    context: OnCallContext,
  ): Promise<OnCallResolution> {
    const { since, until } = this.window(context);
    const listed = await this.client.listOnCalls(
      { scheduleId: id },
      since,
      until,
    );
    // A schedule may sit at several levels of several policies; as a
    // target of its own it is one rotation, so every shift is level 1.
    const seen = new Set<string>();
    const entries: PdOnCall[] = [];
    for (const entry of listed) {
      const key = `${entry.user.id}|${entry.start}|${entry.end}`;
      if (!seen.has(key)) {
        seen.add(key);
        entries.push({ ...entry, escalation_level: 1 });
      }
    }
    // The shifts name the schedule; only when there are none is it asked for.
    const schedule: PdSchedule =
      listed.find(e => e.schedule?.id === id)?.schedule ??
      (await this.client.getSchedule(id));
    const name = schedule.name ?? schedule.summary;
    return {
      scheduleName: name,
      scheduleUrl: schedule.html_url ?? this.webLink(`schedules/${id}`),
      ...this.answer(entries, context),
      escalation: [
        {
          level: 1,
          after: 'PT0M',
          targets: [{ type: 'schedule', ref: id, ...(name && { name }) }],
        },
      ],
    };
  }

  private window(context: OnCallContext) {
    return {
      since: context.now,
      until: new Date(context.now.getTime() + HORIZON_DAYS * DAY_MS),
    };
  }

  private webLink(path: string) {
    return this.webUrl ? `${this.webUrl}/${path}` : undefined;
  }

  /** Who is on call now at each level, the next level-1 shifts, and coverage. */
  private answer(
    entries: PdOnCall[],
    context: OnCallContext,
  ): Pick<OnCallResolution, 'status' | 'onCallNow' | 'next' | 'gaps'> {
    const now = context.now.getTime();
    const horizon = now + HORIZON_DAYS * DAY_MS;

    const current = new Map<string, { entry: PdOnCall; to: number }>();
    for (const entry of entries) {
      const { from, to } = bounds(entry);
      if (from <= now && to > now) {
        const key = `${entry.escalation_level}|${entry.user.id}`;
        const known = current.get(key);
        if (!known || to > known.to) {
          current.set(key, { entry, to });
        }
      }
    }
    const onCallNow = [...current.values()]
      .sort((a, b) => a.entry.escalation_level - b.entry.escalation_level)
      .map(({ entry, to }) => ({
        user: this.user(entry.user, context),
        level: entry.escalation_level,
        ...(to < FOREVER && { until: new Date(to).toISOString() }),
      }));

    // PagerDuty levels start at 1: that is who is paged first, whatever
    // order the entries come in.
    const first = entries.filter(e => e.escalation_level === 1);
    const shifts = first.map(bounds);
    const { status, gaps } = coverage(
      shifts.map(s => ({ from: new Date(s.from), to: new Date(s.to) })),
      context.now,
      HORIZON_DAYS,
    );

    const seen = new Set<string>();
    const next = first
      .map(entry => ({ entry, ...bounds(entry) }))
      .filter(s => s.from > now)
      .sort((a, b) => a.from - b.from)
      .filter(s => {
        const key = `${s.entry.user.id}|${s.from}`;
        return seen.has(key) ? false : (seen.add(key), true);
      })
      .slice(0, NEXT_SHIFTS)
      .map(s => ({
        user: this.user(s.entry.user, context),
        from: new Date(s.from).toISOString(),
        // A shift that never ends is shown until the horizon.
        to: new Date(
          s.to < FOREVER ? s.to : Math.max(horizon, s.from),
        ).toISOString(),
      }));

    return { status, onCallNow, next, gaps };
  }

  private escalation(
    policy: PdEscalationPolicy,
    context: OnCallContext,
  ): EscalationStep[] {
    let after = 0;
    return (policy.escalation_rules ?? []).map((rule, index) => {
      const step: EscalationStep = {
        level: index + 1,
        after: minutesToIsoDuration(after),
        targets: (rule.targets ?? []).flatMap(t =>
          this.escalationTarget(t, context),
        ),
      };
      after += rule.escalation_delay_in_minutes ?? 0;
      return step;
    });
  }

  private escalationTarget(
    t: PdEscalationTarget,
    context: OnCallContext,
  ): EscalationStep['targets'] {
    const name = t.name ?? t.summary;
    if (t.type === 'user' || t.type === 'user_reference') {
      const user = this.user(t, context);
      return [
        {
          type: 'user',
          ref: user.entityRef ?? user.email ?? t.id,
          ...(name && { name }),
        },
      ];
    }
    if (t.type.startsWith('schedule')) {
      return [{ type: 'schedule', ref: t.id, ...(name && { name }) }];
    }
    return [];
  }

  /** PagerDuty's name and email, with the catalog User of that email. */
  private user(user: PdUser, context: OnCallContext): OnCallUser {
    const email = user.email?.trim() || undefined;
    const catalogUser = email ? context.userByEmail(email) : undefined;
    return {
      ...(catalogUser?.entityRef && { entityRef: catalogUser.entityRef }),
      name: user.name ?? user.summary ?? user.id,
      ...(email && { email }),
    };
  }
}
