import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { JsonValue } from '@backstage/types';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  fetchJson,
  type Resilience,
} from '@ownership-portal/plugin-ownership-node';
import type {
  PdEscalationPolicy,
  PdOnCall,
  PdPage,
  PdSchedule,
  PdService,
} from './types';

/** Escalation policies and schedule names are reused this long. */
const STRUCTURE_TTL_MS = 10 * 60 * 1000;
/** The integration key → service map is reused this long. */
const INTEGRATION_MAP_TTL_MS = 60 * 60 * 1000;
/** An unknown integration key reloads the map when it is older than this. */
const INTEGRATION_MAP_MISS_REFRESH_MS = 5 * 60 * 1000;
/** PagerDuty's largest page for classic pagination. */
const PAGE_SIZE = 100;
/** Stops runaway pagination: 100 pages of 100 records. */
const MAX_PAGES = 100;

type Params = Array<[string, string]>;

/** PagerDuty object ids are letters and digits, e.g. `PABC123`. */
const PD_ID = /^[A-Za-z0-9]{1,64}$/;

/**
 * An id as it may go into a request path or query. Anything else is
 * refused before any request:
 * `pagerduty.com/service-id: ..` would send the token to `GET /`.
 */
function checkedId(id: string, what: string): string {
  if (!PD_ID.test(id)) {
    const shown = JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}…` : id);
    throw new InputError(
      `${shown} is not a PagerDuty ${what} id (letters and digits only); PagerDuty was not asked`,
    );
  }
  return id;
}

interface Timed<T> {
  at: number;
  value: Promise<T>;
}

/**
 * Reads PagerDuty's REST API v2. Every request goes through one shared
 * {@link Resilience} (timeout, retries honouring `Retry-After`, breaker,
 * concurrency limit). Escalation policies and schedule names are kept for
 * 10 minutes and the integration key → service map for an hour; on-call
 * entries and services are always asked for.
 */
export class PagerDutyClient {
  private readonly baseUrl: string;
  private readonly headers: Record<string, string>;
  private readonly policies = new Map<string, Timed<PdEscalationPolicy>>();
  private readonly schedules = new Map<string, Timed<PdSchedule>>();
  private integrationMap: Timed<Map<string, string>> | undefined;

  constructor(
    private readonly options: {
      token: string;
      baseUrl: string;
      resilience: Resilience;
      logger?: LoggerService;
      /**
       * Shares escalation policies and schedules between replicas (Redis
       * when configured); an in-process copy is kept either way.
       */
      cache?: CacheService;
      /** Clock of the caches; defaults to `Date.now`. */
      clock?: () => number;
    },
  ) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.headers = {
      Accept: 'application/vnd.pagerduty+json;version=2',
      Authorization: `Token token=${options.token}`,
    };
  }

  /** `GET /services/{id}`. */
  async getService(id: string): Promise<PdService> {
    const body = await this.get<{ service: PdService }>(
      `/services/${checkedId(id, 'service')}`,
    );
    return body.service;
  }

  /** `GET /escalation_policies/{id}?include[]=targets`, kept 10 minutes. */
  getEscalationPolicy(id: string): Promise<PdEscalationPolicy> {
    return this.remember(this.policies, `policy:${id}`, async () => {
      const body = await this.get<{ escalation_policy: PdEscalationPolicy }>(
        `/escalation_policies/${checkedId(id, 'escalation policy')}`,
        [['include[]', 'targets']],
      );
      return body.escalation_policy;
    });
  }

  /** `GET /schedules/{id}` for its name and link, kept 10 minutes. */
  getSchedule(id: string): Promise<PdSchedule> {
    return this.remember(this.schedules, `schedule:${id}`, async () => {
      const body = await this.get<{ schedule: PdSchedule }>(
        `/schedules/${checkedId(id, 'schedule')}`,
      );
      return body.schedule;
    });
  }

  /**
   * The id of the service that has an integration with this key, from
   * `GET /services?include[]=integrations` (all pages), kept an hour. A key
   * not found reloads the map once when it is older than 5 minutes.
   */
  async serviceIdForIntegrationKey(key: string): Promise<string> {
    let map = await this.integrations(false);
    let serviceId = map.get(key);
    if (
      !serviceId &&
      this.clock() - (this.integrationMap?.at ?? 0) >
        INTEGRATION_MAP_MISS_REFRESH_MS
    ) {
      map = await this.integrations(true);
      serviceId = map.get(key);
    }
    if (!serviceId) {
      throw new NotFoundError(
        `No PagerDuty service has an integration with key ${redact(key)}`,
      );
    }
    return serviceId;
  }

  /**
   * `GET /oncalls` for one escalation policy or schedule, between `since`
   * and `until`, in UTC, with full users (name and email), all pages.
   */
  listOnCalls(
    filter: { escalationPolicyId: string } | { scheduleId: string },
    since: Date,
    until: Date,
  ): Promise<PdOnCall[]> {
    const params: Params = [
      'escalationPolicyId' in filter
        ? [
            'escalation_policy_ids[]',
            checkedId(filter.escalationPolicyId, 'escalation policy'),
          ]
        : ['schedule_ids[]', checkedId(filter.scheduleId, 'schedule')],
      ['since', since.toISOString()],
      ['until', until.toISOString()],
      ['time_zone', 'UTC'],
      ['include[]', 'users'],
    ];
    return this.paginate<PdOnCall>('/oncalls', params, 'oncalls');
  }

  private clock() {
    return (this.options.clock ?? Date.now)();
  }

  private integrations(reload: boolean): Promise<Map<string, string>> {
    const cached = this.integrationMap;
    if (
      cached &&
      !reload &&
      this.clock() - cached.at < INTEGRATION_MAP_TTL_MS
    ) {
      return cached.value;
    }
    const value = this.paginate<PdService>(
      '/services',
      [['include[]', 'integrations']],
      'services',
    ).then(services => {
      const map = new Map<string, string>();
      for (const service of services) {
        for (const integration of service.integrations ?? []) {
          if (integration.integration_key) {
            map.set(integration.integration_key, service.id);
          }
        }
      }
      return map;
    });
    const entry = { at: this.clock(), value };
    this.integrationMap = entry;
    value.catch(() => {
      if (this.integrationMap === entry) {
        this.integrationMap = undefined;
      }
    });
    return value;
  }

  private remember<T>(
    cache: Map<string, Timed<T>>,
    id: string,
    load: () => Promise<T>,
  ): Promise<T> {
    const cached = cache.get(id);
    if (cached && this.clock() - cached.at < STRUCTURE_TTL_MS) {
      return cached.value;
    }
    const entry = { at: this.clock(), value: this.shared(id, load) };
    cache.set(id, entry);
    entry.value.catch(() => {
      if (cache.get(id) === entry) {
        cache.delete(id);
      }
    });
    return entry.value;
  }

  /** Reads through the shared cache, when there is one; its failures only cost a call. */
  private async shared<T>(key: string, load: () => Promise<T>): Promise<T> {
    const cache = this.options.cache;
    const cacheKey = `pagerduty:${key}`;
    const hit = await cache?.get(cacheKey).catch(() => undefined);
    if (hit !== undefined) {
      return hit as T;
    }
    const value = await load();
    await cache
      ?.set(cacheKey, value as unknown as JsonValue, { ttl: STRUCTURE_TTL_MS })
      .catch(error =>
        this.options.logger?.warn(
          `PagerDuty structure cache write failed: ${error}`,
        ),
      );
    return value;
  }

  private async paginate<T>(
    path: string,
    params: Params,
    field: string,
  ): Promise<T[]> {
    const items: T[] = [];
    let offset = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = await this.get<PdPage & Record<string, unknown>>(path, [
        ...params,
        ['limit', String(PAGE_SIZE)],
        ['offset', String(offset)],
      ]);
      const pageItems = (body[field] as T[] | undefined) ?? [];
      items.push(...pageItems);
      if (!body.more || pageItems.length === 0) {
        return items;
      }
      offset += pageItems.length;
    }
    this.options.logger?.warn(
      `PagerDuty ${path} has more than ${
        MAX_PAGES * PAGE_SIZE
      } records; reading only the first ${items.length}`,
    );
    return items;
  }

  private get<T>(path: string, params: Params = []): Promise<T> {
    const query = new URLSearchParams(params).toString();
    return fetchJson<T>(
      this.options.resilience,
      `${this.baseUrl}${path}${query ? `?${query}` : ''}`,
      { headers: this.headers },
    );
  }
}

function redact(key: string) {
  return key.length > 8 ? `${key.slice(0, 4)}…${key.slice(-2)}` : '…';
}
