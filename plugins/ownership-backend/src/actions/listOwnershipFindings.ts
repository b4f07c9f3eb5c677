import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { FindingRecord } from '@ownership-portal/plugin-ownership-common';
import { toInputError } from '../services/query/errors';
import type {
  ListParams,
  ServiceQueries,
} from '../services/query/ServiceQueries';

/** The most findings one call returns. */
const MAX_FINDINGS_LIMIT = 200;
const DEFAULT_LIMIT = 50;
/**
 * The most pages read to fill `limit` when the caller may not read some of
 * the entities; bounds the work for callers who can see little.
 */
const MAX_PAGES = 5;

const DESCRIPTION = `Lists ownership and operability problems ("findings") that the latest ownership audit of the software catalog found, one row per finding, ordered by entity ref and rule id.

Use it to answer "what is wrong with the ownership of our services?", "which services of team X have no owner or no on-call?", or to make a to-do list before a review. For one service, with its owner and contacts, use who-owns instead.

All filters are optional and combine with AND:
- \`team\`: a Group ref or name (\`group:default/payments\`, \`payments\`); findings of entities owned by that team or any of its sub-groups.
- \`ruleId\`: rule ids such as owner.missing (no owner or a placeholder), owner.unresolved (spec.owner names nothing in the catalog), owner.individual (owned by a single User), owner.empty-team (owned by a Group without members), oncall.missing, runbook.missing, runbook.stale, adr.missing, techdebt.overdue. An unknown id is an error that says so.
- \`severity\`: error, warning, info.
- \`limit\`: 1-${MAX_FINDINGS_LIMIT}, default ${DEFAULT_LIMIT}.

Only entities you may read in the catalog are returned. \`truncated\` is true when more findings match than were returned: narrow the filters or raise the limit. Each finding has a \`message\` naming the problem and a \`remediation\` saying how to fix it.`;

/** Registers `list-ownership-findings`: the latest run's findings, filtered. */
export function registerListOwnershipFindingsAction(options: {
  actionsRegistry: ActionsRegistryService;
  services: ServiceQueries;
}) {
  const { actionsRegistry, services } = options;

  actionsRegistry.register({
    name: 'list-ownership-findings',
    title: 'List ownership findings',
    description: DESCRIPTION,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          team: z
            .string()
            .trim()
            .min(1)
            .optional()
            .describe(
              'Only entities owned by this team or its sub-groups: a Group ref (group:default/payments) or name (payments)',
            ),
          ruleId: z
            .array(z.string().trim().min(1))
            .optional()
            .describe(
              'Only findings of these rules, e.g. ["owner.missing", "owner.unresolved"]',
            ),
          severity: z
            .array(z.enum(['error', 'warning', 'info']))
            .optional()
            .describe('Only findings of these severities'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(MAX_FINDINGS_LIMIT)
            .default(DEFAULT_LIMIT)
            .describe(
              `How many findings to return at most, 1 to ${MAX_FINDINGS_LIMIT}; default ${DEFAULT_LIMIT}`,
            ),
        }),
      output: z =>
        z.object({
          items: z.array(
            z.object({
              entityRef: z
                .string()
                .describe('Full ref of the entity with the problem'),
              title: z.string().describe('Display name of the entity'),
              ownerRef: z
                .string()
                .optional()
                .describe('Full ref of its owner; absent when it has none'),
              ruleId: z.string(),
              severity: z.enum(['error', 'warning', 'info']),
              message: z.string().describe('What is wrong'),
              remediation: z.string().describe('How to fix it'),
            }),
          ),
          totalItems: z
            .number()
            .describe(
              'Findings matching the filters in the run, of entities you may read in the catalog only',
            ),
          truncated: z
            .boolean()
            .describe('True when more findings match than were returned'),
          runId: z.number().describe('The audit run the findings come from'),
          generatedAt: z
            .string()
            .describe('When that audit run finished, ISO-8601'),
        }),
    },
    action: async ({ input, credentials }) => {
      const filters = {
        team: input.team,
        ruleId: input.ruleId ?? [],
        severity: input.severity ?? [],
        kind: [],
        lifecycle: [],
        q: undefined,
      };
      // Bad filters are answered as the REST API answers them.
      const read = (params: ListParams) =>
        services.findings(params, credentials).catch(error => {
          throw toInputError(error);
        });
      const items: FindingRecord[] = [];
      let page = await read({ ...filters, limit: input.limit });
      items.push(...page.items);
      const first = page;
      // Entities the caller may not read leave gaps; fill them from later pages.
      for (
        let pages = 1;
        items.length < input.limit && page.nextCursor && pages < MAX_PAGES;
        pages++
      ) {
        page = await read({
          ...filters,
          limit: input.limit - items.length,
          cursor: page.nextCursor,
        });
        items.push(...page.items);
      }

      return {
        output: {
          items: items.slice(0, input.limit).map(f => ({
            entityRef: f.entityRef,
            title: f.title,
            ownerRef: f.ownerRef,
            ruleId: f.ruleId,
            severity: f.severity,
            message: f.message,
            remediation: f.remediation,
          })),
          totalItems: first.totalItems,
          truncated: items.length > input.limit || !!page.nextCursor,
          runId: first.runId,
          generatedAt: first.generatedAt,
        },
      };
    },
  });
}
