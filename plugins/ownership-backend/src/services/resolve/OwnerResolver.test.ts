import {
  exampleCatalog,
  group,
  service,
  user,
} from '../../__testUtils__/entities';
import { resolveCatalog } from '../../__testUtils__/resolved';

describe('owner resolution', () => {
  const resolved = resolveCatalog();
  const owner = (name: string, kind = 'component') =>
    resolved.get(`${kind}:default/${name}`)!.ownerResolution;

  it('resolves a short ref to a Group in the entity namespace, case-insensitively', () => {
    expect(owner('payments-db', 'resource')).toMatchObject({
      status: 'ok',
      raw: 'Payments',
      entityRef: 'group:default/payments',
      kind: 'Group',
    });
  });

  it('gathers members from memberOf, members and sub-groups, each once', () => {
    const members = owner('payments-api').members;
    expect(members.map(m => m.entityRef).sort()).toEqual([
      'user:default/alice',
      'user:default/bob',
      'user:default/dave',
    ]);
    expect(
      members.find(m => m.entityRef === 'user:default/dave'),
    ).toMatchObject({
      via: 'group:default/payments-fraud',
      email: 'dave@example.com',
    });
  });

  it('lists the group email and chat links as contacts, and its parents', () => {
    const resolution = owner('payments-api');
    expect(resolution.contacts).toEqual([
      {
        type: 'email',
        label: 'payments@example.com',
        url: 'mailto:payments@example.com',
      },
      {
        type: 'chat',
        label: '#payments',
        url: 'https://chat.example.com/payments',
      },
    ]);
    expect(resolution.parents).toEqual(['group:default/engineering']);
  });

  it.each([
    ['invoice-generator', 'missing'],
    ['label-printer', 'missing'],
    ['reconciler', 'unresolved'],
    ['experiments', 'individual'],
    ['churn-predictor', 'empty-team'],
    ['fraud-scorer', 'ok'],
  ])('classifies %s as %s', (name, status) => {
    expect(owner(name).status).toBe(status);
  });

  it('treats an absent owner, a malformed ref and custom placeholders', () => {
    const catalog = [
      group('team', { members: ['someone'] }),
      user('someone'),
      service('no-owner', undefined),
      service('malformed', 'a:b:c:d'),
      service('pending', 'pending-assignment'),
    ];
    const custom = resolveCatalog(catalog, ['pending-assignment']);
    expect(
      custom.get('component:default/no-owner')!.ownerResolution,
    ).toMatchObject({
      status: 'missing',
    });
    expect(
      custom.get('component:default/malformed')!.ownerResolution,
    ).toMatchObject({
      status: 'unresolved',
      raw: 'a:b:c:d',
    });
    expect(
      custom.get('component:default/pending')!.ownerResolution.status,
    ).toBe('missing');
  });

  it('suggests the System owner, else the Domain owner, for entities without a valid owner', () => {
    expect(
      resolved.get('component:default/invoice-generator')!.suggestedOwner,
    ).toEqual({
      entityRef: 'group:default/payments',
      title: 'payments',
      source: 'system',
      via: 'system:default/checkout',
    });
    expect(
      resolved.get('component:default/label-printer')!.suggestedOwner,
    ).toEqual({
      entityRef: 'group:default/platform',
      title: 'platform',
      source: 'domain',
      via: 'domain:default/commerce',
    });
    expect(
      resolved.get('component:default/reconciler')!.suggestedOwner,
    ).toBeUndefined();
    expect(
      resolved.get('component:default/payments-api')!.suggestedOwner,
    ).toBeUndefined();
  });

  it('survives a group hierarchy with a cycle', () => {
    const catalog = [
      group('a', { parent: 'b', children: ['b'] }),
      group('b', { parent: 'a', children: ['a'], members: ['x'] }),
      user('x'),
      service('svc', 'a'),
    ];
    const result = resolveCatalog(catalog).get('component:default/svc')!;
    expect(result.ownerResolution.status).toBe('ok');
    expect(result.ownerResolution.members.map(m => m.entityRef)).toEqual([
      'user:default/x',
    ]);
  });

  it('marks operational components by type', () => {
    expect(resolved.get('component:default/payments-api')!.operational).toBe(
      true,
    );
    expect(resolved.get('resource:default/payments-db')!.operational).toBe(
      false,
    );
    expect(exampleCatalog().length).toBeGreaterThan(10);
  });
});
