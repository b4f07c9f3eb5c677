import type { OnCallContext } from '@ownership-portal/plugin-ownership-node';
import { http, HttpResponse } from 'msw';
import type {
  PdEscalationPolicy,
  PdEscalationTarget,
  PdOnCall,
  PdReference,
  PdService,
  PdUser,
} from '../client/types';

/** Responses shaped like PagerDuty REST API v2 examples. */

export const API = 'https://api.pagerduty.com';
export const WEB = 'https://acme.pagerduty.com';
export const NOW = new Date('2026-12-01T12:00:00Z');

/** `NOW` plus some hours, as PagerDuty renders it with `time_zone=UTC`. */
export const at = (hours: number) =>
  new Date(NOW.getTime() + hours * 3_600_000).toISOString();

const PATHS: Record<string, string> = {
  user: 'users',
  schedule: 'schedules',
  escalation_policy: 'escalation_policies',
  service: 'services',
};

export function pdRef(
  kind: 'user' | 'schedule' | 'escalation_policy' | 'service',
  id: string,
  summary: string,
): PdReference {
  return {
    id,
    type: `${kind}_reference`,
    summary,
    self: `${API}/${PATHS[kind]}/${id}`,
    html_url: `${WEB}/${PATHS[kind]}/${id}`,
  };
}

/** A user as `include[]=users` expands it. */
export function pdUser(id: string, name: string, email: string): PdUser {
  return {
    ...pdRef('user', id, name),
    type: 'user',
    name,
    email,
  };
}

export function pdOnCall(options: {
  user: PdUser;
  level: number;
  start: string | null;
  end: string | null;
  policy?: string;
  schedule?: PdReference | null;
}): PdOnCall {
  return {
    escalation_policy: pdRef(
      'escalation_policy',
      options.policy ?? 'PEP1',
      'Payments',
    ),
    escalation_level: options.level,
    schedule:
      options.schedule === undefined
        ? pdRef('schedule', 'PSCHED1', 'Payments primary')
        : options.schedule,
    user: options.user,
    start: options.start,
    end: options.end,
  };
}

export function pdPolicy(
  id: string,
  name: string,
  rules: Array<{ delay: number; targets: PdEscalationTarget[] }>,
): PdEscalationPolicy {
  return {
    ...pdRef('escalation_policy', id, name),
    type: 'escalation_policy',
    name,
    num_loops: 0,
    escalation_rules: rules.map((rule, index) => ({
      id: `PR${index + 1}`,
      escalation_delay_in_minutes: rule.delay,
      targets: rule.targets,
    })),
  };
}

export function pdService(
  id: string,
  policy: PdReference,
  integrations: Array<{ id: string; key?: string }> = [],
): PdService {
  return {
    id,
    type: 'service',
    summary: `Service ${id}`,
    name: `Service ${id}`,
    self: `${API}/services/${id}`,
    html_url: `${WEB}/service-directory/${id}`,
    escalation_policy: policy,
    integrations: integrations.map(i => ({
      id: i.id,
      type: i.key
        ? 'events_api_v2_inbound_integration'
        : 'generic_email_inbound_integration',
      summary: i.key ? 'Events API v2' : 'Email',
      ...(i.key && { integration_key: i.key }),
    })),
  };
}

/**
 * A list endpoint with classic pagination (`limit`, `offset`, `more`),
 * serving `items` `pageSize` at a time and recording each request's URL.
 */
export function paginated<T>(
  path: string,
  field: string,
  items: T[] | ((url: URL) => T[]),
  options: { pageSize?: number; requests?: URL[]; base?: string } = {},
) {
  return http.get(`${options.base ?? API}${path}`, ({ request }) => {
    const url = new URL(request.url);
    options.requests?.push(url);
    const all = typeof items === 'function' ? items(url) : items;
    const limit = Math.min(
      options.pageSize ?? 100,
      Number(url.searchParams.get('limit') ?? 25),
    );
    const offset = Number(url.searchParams.get('offset') ?? 0);
    return HttpResponse.json({
      [field]: all.slice(offset, offset + limit),
      limit,
      offset,
      more: offset + limit < all.length,
      total: null,
    });
  });
}

/** Catalog Users by email, case-insensitively, as the ownership backend does. */
export function contextWith(
  users: Array<{ entityRef: string; name: string; email: string }> = [],
  now = NOW,
): OnCallContext {
  const byEmail = new Map(users.map(u => [u.email.toLowerCase(), u]));
  const byRef = new Map(users.map(u => [u.entityRef, u]));
  return {
    now,
    userByEmail: email => byEmail.get(email.trim().toLowerCase()),
    userByRef: ref => byRef.get(ref),
  };
}
