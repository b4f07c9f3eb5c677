import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { UserDirectory } from './UserDirectory';

const user = (name: string, email: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name },
  spec: { profile: { displayName: name.toUpperCase(), email }, memberOf: [] },
});

function setup(pages: () => Promise<Entity[]>) {
  const catalog = catalogServiceMock.mock({
    streamEntities: jest.fn(async function* stream() {
      yield await pages();
    }),
  });
  const logger = mockServices.logger.mock();
  let now = 0;
  const users = UserDirectory.create({
    catalog,
    auth: mockServices.auth(),
    logger,
    now: () => now,
  });
  return { users, catalog, logger, tick: (ms: number) => (now += ms) };
}

describe('UserDirectory', () => {
  it('loads the Users on first use and keeps them for 10 minutes', async () => {
    const { users, catalog, tick } = setup(async () => [
      user('alice', 'Alice@Example.com'),
    ]);

    const lookups = await users.lookups();
    tick(10 * 60 * 1000);
    await users.lookups();

    expect(lookups.userByEmail(' alice@example.com ')).toEqual({
      entityRef: 'user:default/alice',
      name: 'ALICE',
      email: 'Alice@Example.com',
    });
    expect(lookups.userByRef('User:default/Alice')?.name).toBe('ALICE');
    expect(catalog.streamEntities).toHaveBeenCalledTimes(1);
  });

  it('reloads when refreshed', async () => {
    let catalogUsers = [user('alice', 'alice@example.com')];
    const { users, catalog } = setup(async () => catalogUsers);
    await users.lookups();

    catalogUsers = [user('bob', 'bob@example.com')];
    await users.refresh();
    const lookups = await users.lookups();

    expect(lookups.userByEmail('bob@example.com')?.entityRef).toBe(
      'user:default/bob',
    );
    expect(lookups.userByEmail('alice@example.com')).toBeUndefined();
    expect(catalog.streamEntities).toHaveBeenCalledTimes(2);
  });

  it('keeps the Users it has when a refresh fails', async () => {
    let fail = false;
    const { users, logger } = setup(async () => {
      if (fail) {
        throw new Error('catalog unavailable');
      }
      return [user('alice', 'alice@example.com')];
    });
    await users.lookups();

    fail = true;
    await expect(users.refresh()).resolves.toBeUndefined();
    const lookups = await users.lookups();

    expect(lookups.userByEmail('alice@example.com')?.name).toBe('ALICE');
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not load catalog Users for on-call answers: Error: catalog unavailable',
    );
  });

  it('takes the Users an audit run read without reading the catalog again', async () => {
    const { users, catalog } = setup(async () => []);

    users.update([user('carol', 'carol@example.com')]);
    const lookups = await users.lookups();

    expect(lookups.userByEmail('carol@example.com')?.entityRef).toBe(
      'user:default/carol',
    );
    expect(catalog.streamEntities).not.toHaveBeenCalled();
  });
});
