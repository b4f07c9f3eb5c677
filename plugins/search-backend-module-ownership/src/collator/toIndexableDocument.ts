import type { IndexableDocument } from '@backstage/plugin-search-common';
import {
  entityPagePath,
  type OwnershipSearchDocument,
  type SearchDocumentItem,
} from '@ownership-portal/plugin-ownership-common';

/** An {@link OwnershipSearchDocument} as the search index takes it. */
export type OwnershipIndexableDocument = OwnershipSearchDocument &
  IndexableDocument;

/**
 * One entity of the latest run as a search document: its text holds the
 * title, description, owner, on-call schedules, runbook and ADR titles and
 * open finding ids, one a line; `authorization` makes the search backend
 * show it only to users who may read the entity in the catalog.
 */
export function toIndexableDocument(
  item: SearchDocumentItem,
): OwnershipIndexableDocument {
  const owner = item.owner.title ?? item.owner.entityRef ?? item.owner.raw;
  const runbookTitles = item.runbooks.map(r => r.title);
  const adrTitles = item.adrs.map(a => a.title);
  const lines = [
    item.title,
    item.name !== item.title ? item.name : undefined,
    item.description,
    owner && `Owner: ${owner}`,
    item.owner.entityRef && item.owner.entityRef !== owner
      ? item.owner.entityRef
      : undefined,
    ...item.onCallSchedules.map(name => `On call: ${name}`),
    ...runbookTitles.map(title => `Runbook: ${title}`),
    ...adrTitles.map(title => `ADR: ${title}`),
    ...item.findingRuleIds.map(id => `Finding: ${id}`),
  ];
  const first = item.runbooks[0];
  return {
    title: item.title,
    text: lines.filter((line): line is string => !!line).join('\n'),
    // The entity page. The fragment keeps the location apart from the
    // catalog collator's document of the same entity: the Lunr engine keeps
    // one document per location across all types.
    location: `${entityPagePath(item)}#ownership`,
    entityRef: item.entityRef,
    kind: item.kind.toLocaleLowerCase('en-US'),
    ...(item.owner.entityRef && { ownerRef: item.owner.entityRef }),
    ...(owner && { owner }),
    onCallSchedules: item.onCallSchedules,
    ...(first && { runbook: { title: first.title, url: first.url } }),
    runbookTitles,
    adrTitles,
    findingRuleIds: item.findingRuleIds,
    authorization: { resourceRef: item.entityRef },
  };
}
