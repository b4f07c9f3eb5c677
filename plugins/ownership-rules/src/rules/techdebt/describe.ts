import type {
  ResolvedService,
  TechDebtItem,
} from '@ownership-portal/plugin-ownership-common';

/** The tech debt rules look only at entities whose debt was read. */
export function hasTechDebt(service: ResolvedService): boolean {
  return service.techDebt !== undefined;
}

/** `DEBT-3 "Replace the legacy auth client"`. */
export function itemName(item: TechDebtItem): string {
  return `${item.id} "${item.title}"`;
}

/** Where the item is kept, for remediations. */
export function whereKept(
  item: TechDebtItem,
  service: ResolvedService,
): string {
  if (item.source === 'register') {
    return `the tech debt register of ${service.entityRef} (the file its ownership-portal/tech-debt annotation names)`;
  }
  return item.issue
    ? `${item.source} issue ${item.issue}`
    : `the ${item.source} item ${item.id}`;
}
