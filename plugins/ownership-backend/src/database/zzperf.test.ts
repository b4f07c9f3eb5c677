import { TestDatabases } from '@backstage/backend-test-utils';
import { applyMigrations } from './migrations';
import { DatabaseResultStore } from './ResultStore';
import { DatabaseRunStore } from './RunStore';
import { entity, finding, results, team } from './testing/fixtures';

jest.setTimeout(120_000);
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
describe.each(databases.eachSupportedId())('perf %s', id => {
  it('perf', async () => {
    let t = Date.now();
    const lap = (l: string) => { console.log(id, l, Date.now() - t); t = Date.now(); };
    const client = await databases.init(id);
    await applyMigrations({ getClient: async () => client }, client);
    lap('migrate');
    const store = DatabaseRunStore.create({ client });
    const rs = DatabaseResultStore.create({ client });
    const run = await store.startRun({ trigger: 'schedule' });
    const entities = Array.from({ length: 10_000 }, (_, i) =>
      entity(`svc-${i}`, { findings: [finding('runbook.missing'), finding('adr.missing', 'warning'), finding('techdebt.untriaged', 'info')] }));
    const teams = Array.from({ length: 300 }, (_, i) => team(`team-${i}`));
    lap('fixtures');
    await store.completeRun(run.id, results(entities, teams));
    lap('complete');
    await client('ownership_findings').count({ count: '*' });
    lap('count');
    await rs.listServices(run.id, { severities: ['info'] }, { offset: 0, limit: 100 });
    lap('list severities');
    await rs.listServices(run.id, { q: 'svc-99' }, { offset: 5000, limit: 100 }, { by: 'score', direction: 'desc' });
    lap('list q');
    await rs.listFindings(run.id, { kinds: ['component'] }, { offset: 20000, limit: 100 });
    lap('list findings');
    let n = 0;
    for await (const p of rs.streamEntities(run.id)) n += p.length;
    lap(`stream ${n}`);
  });
});
