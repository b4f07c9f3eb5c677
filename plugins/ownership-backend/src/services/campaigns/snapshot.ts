import { ANNOTATION_EDIT_URL } from '@backstage/catalog-model';
import type { AuthService } from '@backstage/backend-plugin-api';
import type { OwnersConfig } from '../../config/owners';
import type { AuditScope } from '../../config/scope';
import type { SnapshotItem } from '../../database/campaignTypes';
import type { ResultStore, RunStore } from '../../database/types';
import { chunk, MAX_IN_LIST } from '../../database/rows';
import { OrgDirectory } from '../../org/OrgDirectory';
import type { CatalogReader } from '../ingest/CatalogReader';
import { OwnerResolver } from '../resolve/OwnerResolver';
import { resolveService } from '../resolve/resolveService';
import type { CampaignScope } from '@ownership-portal/plugin-ownership-common';
import { inScope } from './scope';

/** What taking a campaign's snapshot reads. */
export interface SnapshotDeps {
  reader: CatalogReader;
  auth: AuthService;
  owners: OwnersConfig;
  auditScope: AuditScope;
  runs: RunStore;
  results: ResultStore;
}

/**
 * The population of a campaign now: every audited entity of the catalog in
 * the campaign's scope, with its owner resolved as the audit resolves it and
 * the rule ids the latest audit run reported for it.
 */
export async function takeSnapshot(
  deps: SnapshotDeps,
  scope: CampaignScope,
): Promise<SnapshotItem[]> {
  const catalog = await deps.reader.read(
    await deps.auth.getOwnServiceCredentials(),
  );
  const org = OrgDirectory.build(catalog.groups, catalog.users);
  const resolver = OwnerResolver.create({
    org,
    owners: deps.owners,
    context: catalog.context,
  });
  const items: SnapshotItem[] = [];
  for (const entity of catalog.audited) {
    const service = resolveService(entity, {
      resolver,
      scope: deps.auditScope,
    });
    const owner = service.ownerResolution;
    const team = owner.entityRef ?? owner.raw ?? 'none';
    if (
      !inScope(
        {
          kind: service.kind,
          lifecycle: service.lifecycle,
          system: service.system,
          team,
        },
        scope,
        ref => org.descendants(ref),
      )
    ) {
      continue;
    }
    items.push({
      entityRef: service.entityRef,
      kind: service.kind,
      title: service.title ?? service.name,
      team,
      ...(owner.title && { teamTitle: owner.title }),
      findings: [],
      ...(service.annotations[ANNOTATION_EDIT_URL] && {
        editUrl: service.annotations[ANNOTATION_EDIT_URL],
      }),
    });
  }
  await addFindings(deps, items);
  return items;
}

async function addFindings(deps: SnapshotDeps, items: SnapshotItem[]) {
  const run = await deps.runs.getLatestSucceededRun();
  if (!run) {
    return;
  }
  const byRef = new Map(items.map(item => [item.entityRef, item]));
  for (const refs of chunk([...byRef.keys()], MAX_IN_LIST)) {
    for (const summary of await deps.results.getServices(run.id, refs)) {
      const item = byRef.get(summary.entityRef);
      if (item) {
        item.findings = [...new Set(summary.findings.map(f => f.ruleId))];
      }
    }
  }
}
