import type { Entity } from '@backstage/catalog-model';
import { group, user } from '../__testUtils__/entities';
import { mapCodeowner, mapCodeowners } from './codeowners';
import { OrgDirectory } from './OrgDirectory';

function annotated(entity: Entity, annotations: Record<string, string>) {
  entity.metadata.annotations = annotations;
  return entity;
}

describe('mapping CODEOWNERS owners to the catalog', () => {
  const org = OrgDirectory.build(
    [
      annotated(group('payments-team'), {
        'github.com/team-slug': 'Acme/Payments',
      }),
      group('payments'),
      group('checkout'),
      group('checkout', {}, { namespace: 'retail' }),
      group('routing', {}, { namespace: 'logistics' }),
      group('billing', {}, { namespace: 'a' }),
      group('billing', {}, { namespace: 'b' }),
    ],
    [
      annotated(user('alice'), { 'github.com/user-login': 'alice-gh' }),
      user('bob'),
    ],
  );
  const map = (owner: string) => mapCodeowner(owner, org);

  it('maps a team by its github.com/team-slug annotation first, case-insensitively', () => {
    expect(map('@acme/payments')).toBe('group:default/payments-team');
    expect(map('@ACME/PAYMENTS')).toBe('group:default/payments-team');
  });

  it('else maps a team to the Group of its name, preferring the default namespace', () => {
    expect(map('@acme/checkout')).toBe('group:default/checkout');
    expect(map('@other-org/routing')).toBe('group:logistics/routing');
  });

  it('maps nothing for a team that names no Group, or several in other namespaces', () => {
    expect(map('@acme/ghost')).toBeUndefined();
    expect(map('@acme/billing')).toBeUndefined();
  });

  it('maps a login only to a User annotated with it', () => {
    expect(map('@alice-gh')).toBe('user:default/alice');
    expect(map('@Alice-GH')).toBe('user:default/alice');
    expect(map('@alice')).toBeUndefined();
    expect(map('@bob')).toBeUndefined();
  });

  it('keeps emails and malformed owners unmapped', () => {
    expect(map('alice@example.com')).toBeUndefined();
    expect(map('checkout')).toBeUndefined();
    expect(map('@')).toBeUndefined();
  });

  it('splits default owners into mapped and unknown, in the file order', () => {
    expect(
      mapCodeowners(
        ['@acme/ghost', '@acme/checkout', 'dev@acme.example', '@alice-gh'],
        map,
      ),
    ).toEqual({
      mapped: [
        { owner: '@acme/checkout', entityRef: 'group:default/checkout' },
        { owner: '@alice-gh', entityRef: 'user:default/alice' },
      ],
      unknownOwners: ['@acme/ghost', 'dev@acme.example'],
    });
  });
});
