import type { Config } from '@backstage/config';
import type { ResolvedService } from '@ownership-portal/plugin-ownership-common';

const DEFAULT_TIERS = ['1'];

/** `1` from `1`, `Tier 1`, `tier-1`. */
function tierKey(tier: string): string {
  return tier
    .trim()
    .toLocaleLowerCase('en-US')
    .replace(/^tier[\s_-]*/, '');
}

/** Production services (operational components): libraries and APIs decide nothing on their own. */
const isProductionService = (service: ResolvedService) =>
  service.operational &&
  service.lifecycle?.toLocaleLowerCase('en-US') === 'production';

/**
 * Whether a production service is in the tiers a rule's options name:
 * `tiers` (default `['1']`) lists the System tiers that count, and
 * `allEntities: true` counts every production service.
 */
export function inTierScope(
  service: ResolvedService,
  options: Config,
): boolean {
  if (!isProductionService(service)) {
    return false;
  }
  if (options.getOptionalBoolean('allEntities') ?? false) {
    return true;
  }
  const tiers = (options.getOptionalStringArray('tiers') ?? DEFAULT_TIERS).map(
    tierKey,
  );
  const tier = service.systemTier;
  return tier !== undefined && tiers.includes(tierKey(tier));
}

/** `payments-api (production, tier 1)`: names the entity with why a tier rule asks it. */
export function tierSubject(service: ResolvedService): string {
  return `${service.entityRef} (production${
    service.systemTier ? `, tier ${service.systemTier}` : ''
  })`;
}
