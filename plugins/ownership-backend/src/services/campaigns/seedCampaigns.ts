import type { LoggerService } from '@backstage/backend-plugin-api';
import type { CampaignSeed } from '../../config/campaignSeeds';
import type { CampaignStore } from '../../database/campaignTypes';
import type { CampaignService } from './CampaignService';
import { normaliseScope } from './scope';

/**
 * Creates the configured campaigns once (their key makes creating them
 * again a no-op across restarts), opens those whose time has come, and
 * records their configured answers once each.
 */
export async function seedCampaigns(deps: {
  seeds: CampaignSeed[];
  store: CampaignStore;
  campaigns: CampaignService;
  logger: LoggerService;
  now: Date;
}): Promise<void> {
  const { store, logger, now } = deps;
  for (const seed of deps.seeds) {
    const { campaign, created } = await store.create({
      title: seed.title,
      instructions: seed.instructions,
      scope: normaliseScope(seed.scope),
      opensAt: seed.opensAt(now),
      dueAt: seed.dueAt(now),
      createdBy: seed.createdBy,
      idempotencyKey: `seed:${seed.key}`,
    });
    if (created) {
      logger.info(`Seeded ownership campaign ${campaign.id} "${seed.title}"`);
    }
    if (
      campaign.state === 'scheduled' &&
      Date.parse(campaign.opensAt) <= now.getTime()
    ) {
      await deps.campaigns.open(campaign.id);
    }
    if ((await store.get(campaign.id))?.state !== 'open') {
      continue;
    }
    for (const [i, answer] of seed.answers.entries()) {
      try {
        await store.attest({
          campaignId: campaign.id,
          entityRef: answer.entityRef.toLocaleLowerCase('en-US'),
          answer: answer.answer,
          ...(answer.transferTo && {
            transferTo: answer.transferTo.toLocaleLowerCase('en-US'),
          }),
          ...(answer.reason && { reason: answer.reason }),
          ...(answer.comment && { comment: answer.comment }),
          actor: answer.by,
          idempotencyKey: `seed:${seed.key}:${i}`,
        });
      } catch (error) {
        logger.warn(
          `Seeded answer ${i} of campaign "${seed.key}" was not recorded: ${error}`,
        );
      }
    }
  }
}
