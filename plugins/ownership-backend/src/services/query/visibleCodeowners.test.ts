import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { startOwnershipBackend } from '../../__testUtils__/backend';
import { group, service, user } from '../../__testUtils__/entities';
import { catalogHiding, OUTSIDER } from '../../__testUtils__/visibility';
import { tempFolder, writeFiles } from '../../docs/reader/__testUtils__/fakes';

jest.setTimeout(60_000);

/** A service whose catalog file lies in `repos/<repo>/`. */
function inRepository(entity: Entity, root: string, repo: string): Entity {
  entity.metadata.annotations = {
    ...entity.metadata.annotations,
    'backstage.io/managed-by-location': `file:${path.join(
      root,
      'repos',
      repo,
      'catalog-info.yaml',
    )}`,
  };
  return entity;
}

function annotated(entity: Entity, annotations: Record<string, string>) {
  entity.metadata.annotations = {
    ...entity.metadata.annotations,
    ...annotations,
  };
  return entity;
}

describe('CODEOWNERS in the service details', () => {
  let server: Awaited<ReturnType<typeof startOwnershipBackend>>['server'];
  let root: string;
  const asOutsider = (url: string) =>
    request(server)
      .get(`/api/ownership${url}`)
      .set('authorization', mockCredentials.user.header(OUTSIDER));
  const asInsider = (url: string) =>
    request(server).get(`/api/ownership${url}`);

  beforeAll(async () => {
    root = await tempFolder('ownership-codeowners-');
    await writeFiles(root, {
      'repos/checkout/.github/CODEOWNERS':
        '* @acme/old-team\n* @acme/checkout-team @acme/secret-ops @olga @ghost dev@acme.example\n',
      'repos/orphan/CODEOWNERS': '* @acme/checkout-team\n',
      'repos/elsewhere/docs/CODEOWNERS': '* @acme/secret-ops\n',
    });
    const entities: Entity[] = [
      annotated(group('checkout', { members: ['alice'] }), {
        'github.com/team-slug': 'acme/checkout-team',
      }),
      group('secret-ops', { members: ['olga'] }),
      user('alice'),
      annotated(user('olga'), { 'github.com/user-login': 'olga' }),
      inRepository(service('checkout-api', 'checkout'), root, 'checkout'),
      inRepository(service('orphan', 'tbd'), root, 'orphan'),
      inRepository(service('drifted', 'checkout'), root, 'elsewhere'),
      inRepository(service('no-file', 'checkout'), root, 'none'),
    ];
    const backend = await startOwnershipBackend({
      catalog: catalogHiding(entities, [
        'group:default/secret-ops',
        'user:default/olga',
      ]),
      config: { docs: { localRoots: [root] } },
    });
    server = backend.server;
    const run = await backend.audit();
    if (run.status !== 'succeeded') {
      throw new Error(`The audit run ${run.status}: ${run.error}`);
    }
  });

  const FILE = () =>
    pathToFileURL(path.join(root, 'repos/checkout/.github/CODEOWNERS')).href;

  it('shows the default owners mapped to Groups and Users to a caller who may read them', async () => {
    const res = await asInsider('/services/component/default/checkout-api');
    expect(res.status).toBe(200);
    expect(res.body.codeowners).toEqual({
      url: FILE(),
      path: '.github/CODEOWNERS',
      defaultOwners: [
        '@acme/checkout-team',
        '@acme/secret-ops',
        '@olga',
        '@ghost',
        'dev@acme.example',
      ],
      mapped: [
        { owner: '@acme/checkout-team', entityRef: 'group:default/checkout' },
        { owner: '@acme/secret-ops', entityRef: 'group:default/secret-ops' },
        { owner: '@olga', entityRef: 'user:default/olga' },
      ],
      unknownOwners: ['@ghost', 'dev@acme.example'],
    });
  });

  it('leaves Groups and Users the caller may not read out of the mapping', async () => {
    const res = await asOutsider('/services/component/default/checkout-api');
    expect(res.status).toBe(200);
    expect(res.body.codeowners.mapped).toEqual([
      { owner: '@acme/checkout-team', entityRef: 'group:default/checkout' },
    ]);
    expect(res.body.codeowners.unknownOwners).toEqual([
      '@acme/secret-ops',
      '@olga',
      '@ghost',
      'dev@acme.example',
    ]);
    expect(JSON.stringify(res.body.codeowners)).not.toMatch(
      /group:default\/secret-ops|user:default\/olga/,
    );
  });

  it('flags a repository whose CODEOWNERS names another team, and not one that agrees', async () => {
    const drifted = await asInsider('/services/component/default/drifted');
    expect(drifted.body.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ruleId: 'owner.codeowners-mismatch',
          severity: 'warning',
          message:
            'component:default/drifted: CODEOWNERS (docs/CODEOWNERS) names @acme/secret-ops (group:default/secret-ops), but the catalog owner is group:default/checkout',
        }),
      ]),
    );
    const agreeing = await asInsider(
      '/services/component/default/checkout-api',
    );
    const noFile = await asInsider('/services/component/default/no-file');
    for (const res of [agreeing, noFile]) {
      expect(
        res.body.findings.map((f: { ruleId: string }) => f.ruleId),
      ).not.toContain('owner.codeowners-mismatch');
    }
    expect(noFile.body.codeowners).toBeUndefined();
  });

  it('suggests the team CODEOWNERS names for a placeholder owner', async () => {
    const res = await asInsider('/services/component/default/orphan');
    expect(res.body.suggestedOwner).toEqual({
      entityRef: 'group:default/checkout',
      title: 'checkout',
      source: 'codeowners',
      via: pathToFileURL(path.join(root, 'repos/orphan/CODEOWNERS')).href,
    });
    const missing = res.body.findings.find(
      (f: { ruleId: string }) => f.ruleId === 'owner.missing',
    );
    expect(missing.remediation).toContain(
      'names @acme/checkout-team, that is group:default/checkout; if that team owns it, write "owner: group:default/checkout".',
    );
  });
});
