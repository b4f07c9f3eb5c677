import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { CampaignService } from '../services/campaigns/CampaignService';

/** The most items one call returns. */
const MAX_ITEMS = 100;

const DESCRIPTION = `Lists the signed-in user's pending attestations: catalog entities their teams own (directly, or as the parent of a team they belong to) that an open ownership audit campaign still waits for an answer on.

Use it when someone asks "what do I need to confirm in the ownership review?" or "which of our services still need attesting?". Each item names the campaign (its title and due date, and whether it is overdue), the entity, its owning team as the catalog said when the campaign opened, and the audit findings it had then. Answers are given in the Ownership page ("Your team's attestations") or with the REST API; this action only reads. Only entities the user may read in the catalog are listed. Service credentials have no teams and get an empty list.`;

/** Registers `list-pending-attestations` for the signed-in user. */
export function registerListPendingAttestationsAction(options: {
  actionsRegistry: ActionsRegistryService;
  campaigns: CampaignService;
}) {
  const { actionsRegistry, campaigns } = options;
  actionsRegistry.register({
    name: 'list-pending-attestations',
    title: 'List my pending ownership attestations',
    description: DESCRIPTION,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          limit: z
            .number()
            .int()
            .min(1)
            .max(MAX_ITEMS)
            .default(50)
            .describe(`The most items to return, 1 to ${MAX_ITEMS}`),
        }),
      output: z =>
        z.object({
          items: z.array(
            z.object({
              campaignId: z.number(),
              campaign: z.string().describe('The campaign title'),
              dueAt: z.string().describe('When answers are due, ISO 8601'),
              overdue: z.boolean(),
              entityRef: z.string().describe('Full ref of the entity'),
              title: z.string(),
              team: z
                .string()
                .describe('The owner that answers for it, as a full ref'),
              findings: z
                .array(z.string())
                .describe(
                  'Rule ids the audit reported when the campaign opened',
                ),
            }),
          ),
          more: z
            .boolean()
            .describe('True when there are more pending items than returned'),
        }),
    },
    action: async ({ input, credentials }) => {
      const page = await campaigns.pending({ limit: input.limit }, credentials);
      return {
        output: {
          items: page.items.map(({ campaign, item }) => ({
            campaignId: campaign.id,
            campaign: campaign.title,
            dueAt: campaign.dueAt,
            overdue: campaign.overdue,
            entityRef: item.entityRef,
            title: item.title,
            team: item.team,
            findings: item.findings,
          })),
          more: page.last !== undefined,
        },
      };
    },
  });
}
