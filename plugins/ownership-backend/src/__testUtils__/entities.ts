import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';

type Relation = { type: string; targetRef: string };

/** A catalog Group for tests. */
export function group(
  name: string,
  spec: JsonObject = {},
  extra: {
    links?: Entity['metadata']['links'];
    namespace?: string;
    relations?: Relation[];
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      ...(extra.namespace && { namespace: extra.namespace }),
      ...(extra.links && { links: extra.links }),
    },
    spec: { type: 'team', children: [], ...spec },
    ...(extra.relations && { relations: extra.relations }),
  };
}

/** A catalog User for tests. */
export function user(
  name: string,
  memberOf: string[] = [],
  email = `${name}@example.com`,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name },
    spec: {
      profile: { displayName: name[0].toUpperCase() + name.slice(1), email },
      memberOf,
    },
  };
}

/** A catalog entity of any audited kind for tests. */
export function entity(
  kind: string,
  name: string,
  spec: JsonObject,
  extra: {
    namespace?: string;
    title?: string;
    tags?: string[];
    relations?: Relation[];
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: {
      name,
      ...(extra.namespace && { namespace: extra.namespace }),
      ...(extra.title && { title: extra.title }),
      ...(extra.tags && { tags: extra.tags }),
    },
    spec,
    ...(extra.relations && { relations: extra.relations }),
  };
}

/** A Component of type service for tests. */
export function service(
  name: string,
  owner: string | undefined,
  spec: JsonObject = {},
  extra: Parameters<typeof entity>[3] = {},
): Entity {
  return entity(
    'Component',
    name,
    {
      type: 'service',
      lifecycle: 'production',
      ...(owner !== undefined && { owner }),
      ...spec,
    },
    extra,
  );
}

/**
 * A small organisation with one example of every owner problem:
 * payments (with a sub-team) owns well-kept services; the rest are broken
 * on purpose.
 */
export function exampleCatalog(): Entity[] {
  return [
    group('engineering', { children: ['payments', 'data-science'] }),
    group(
      'payments',
      {
        parent: 'engineering',
        children: ['payments-fraud'],
        profile: { email: 'payments@example.com' },
      },
      {
        links: [
          {
            url: 'https://chat.example.com/payments',
            title: '#payments',
            type: 'chat',
          },
          {
            url: 'https://wiki.example.com/payments',
            title: 'Wiki',
            type: 'wiki',
          },
        ],
      },
    ),
    group('payments-fraud', { parent: 'payments', members: ['dave'] }),
    group('data-science', { parent: 'engineering' }),
    group('platform'),
    user('alice', ['payments']),
    user('bob', ['group:default/Payments']),
    user('dave'),
    user('erin'),
    user('pat', ['platform']),
    entity('Domain', 'commerce', { owner: 'platform' }),
    entity('System', 'checkout', { owner: 'payments', domain: 'commerce' }),
    entity('System', 'legacy', { owner: 'unknown', domain: 'commerce' }),
    service(
      'payments-api',
      'payments',
      { system: 'checkout' },
      {
        title: 'Payments API',
        tags: ['payments', 'java'],
        relations: [
          { type: 'dependsOn', targetRef: 'resource:default/payments-db' },
          { type: 'dependencyOf', targetRef: 'component:default/fraud-scorer' },
        ],
      },
    ),
    service(
      'fraud-scorer',
      'group:payments-fraud',
      {},
      {
        relations: [
          { type: 'dependsOn', targetRef: 'component:default/payments-api' },
        ],
      },
    ),
    entity('Resource', 'payments-db', { type: 'database', owner: 'Payments' }),
    service('invoice-generator', 'unknown', { system: 'checkout' }),
    service('label-printer', 'TBD', { system: 'legacy' }),
    service('reconciler', 'group:default/billing-team'),
    service('experiments', 'user:default/erin', { lifecycle: 'experimental' }),
    service('churn-predictor', 'data-science'),
  ];
}
