import type { Entity } from '@backstage/catalog-model';

/** A deterministic pseudo-random source, so every run measures the same organisation. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

const WORDS = [
  'payments',
  'checkout',
  'ledger',
  'fraud',
  'routing',
  'carrier',
  'label',
  'invoice',
  'billing',
  'identity',
  'search',
  'catalog',
  'pricing',
  'inventory',
  'shipment',
  'tracking',
  'notification',
  'report',
  'profile',
  'session',
];
const SUFFIXES = [
  'api',
  'worker',
  'service',
  'gateway',
  'scheduler',
  'store',
  'ui',
];

/** One weekly rotation per team of {@link generateOrg}, as app-config holds them. */
export function generateRotations(services: number) {
  const teamCount = Math.max(10, Math.round(services / 20));
  return Array.from({ length: teamCount }, (_, t) => ({
    id: `team-${t}-primary`,
    team: `group:default/team-${t}`,
    timezone: ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata'][t % 3],
    start: '2026-01-05T09:00',
    shift: 'P7D',
    members: [0, 1, 2, 3].map(p => `user:default/user-${t}-${p}`),
  }));
}

/**
 * An organisation of `services` Components (plus Systems, APIs, teams and
 * people) shaped like a large company's catalog: a three-level team tree,
 * five to ten people per team, one service in twenty with an owner problem.
 */
export function generateOrg(
  services: number,
  seed = 42,
  options: {
    /**
     * `words` (default): `payments-ledger-api-12`; `numbered`: `svc-12`,
     * with the words in the title, so that a query's matches can be counted.
     */
    names?: 'words' | 'numbered';
  } = {},
): Entity[] {
  const next = random(seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const entities: Entity[] = [];
  const teams: string[] = [];
  const teamCount = Math.max(10, Math.round(services / 20));
  for (let d = 0; d < 10; d++) {
    entities.push(group(`division-${d}`, undefined));
  }
  for (let t = 0; t < teamCount; t++) {
    const name = `team-${t}`;
    teams.push(name);
    entities.push(
      group(name, t < 100 ? `division-${t % 10}` : `team-${t % 100}`),
    );
    const people = 5 + Math.floor(next() * 6);
    for (let p = 0; p < people; p++) {
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: { name: `user-${t}-${p}` },
        spec: {
          profile: {
            displayName: `User ${t}-${p}`,
            email: `user-${t}-${p}@example.com`,
          },
          memberOf: [name],
        },
      });
    }
  }
  const systems = Math.max(5, Math.round(services / 50));
  for (let s = 0; s < systems; s++) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: { name: `system-${s}` },
      spec: { owner: teams[s % teams.length] },
    });
  }
  for (let i = 0; i < services; i++) {
    const roll = next();
    const owner =
      roll < 0.01
        ? 'unknown'
        : roll < 0.02
        ? 'group:default/disbanded-team'
        : roll < 0.04
        ? `user:default/user-${i % teamCount}-0`
        : pick(teams);
    const words = `${pick(WORDS)}-${pick(WORDS)}-${pick(SUFFIXES)}-${i}`;
    const name = options.names === 'numbered' ? `svc-${i}` : words;
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        title: words.replace(/-/g, ' '),
        tags: [pick(WORDS), pick(['java', 'go', 'node', 'python'])],
      },
      spec: {
        type: pick(['service', 'service', 'website', 'library']),
        lifecycle: pick([
          'production',
          'production',
          'experimental',
          'deprecated',
        ]),
        owner,
        system: `system-${i % systems}`,
      },
      relations:
        i > 0
          ? [
              {
                type: 'dependsOn',
                targetRef: `component:default/${
                  entities[entities.length - 1].metadata.name
                }`,
              },
            ]
          : [],
    });
  }
  return entities;
}

function group(name: string, parent: string | undefined): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      links: [
        {
          url: `https://chat.example.com/${name}`,
          title: `#${name}`,
          type: 'chat',
        },
      ],
    },
    spec: {
      type: 'team',
      children: [],
      profile: { email: `${name}@example.com` },
      ...(parent && { parent }),
    },
  };
}
