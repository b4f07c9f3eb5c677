import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { isError, NotFoundError } from '@backstage/errors';
import type {
  LookupResponse,
  ServiceDetails,
} from '@ownership-portal/plugin-ownership-common';
import type { LookupService } from '../services/lookup/LookupService';
import type { CatalogVisibility } from '../services/query/CatalogVisibility';
import { visibleMatches } from '../services/query/visibleMatches';
import type { ServiceQueries } from '../services/query/ServiceQueries';

/** The most members the action returns; `memberCount` gives the total. */
const MAX_MEMBERS = 20;
/** The most other lookup matches returned for disambiguation. */
const MAX_OTHER_MATCHES = 4;
/** Lookup matches asked for, with spares for the ones the caller may not read. */
const LOOKUP_LIMIT = 10;

/** Text without spaces that may be `name`, `namespace/name` or `kind:namespace/name`. */
const REF_LIKE = /^(?:[^\s:/]+:)?(?:[^\s:/]+\/)?[^\s:/]+$/;

const DESCRIPTION = `Answers "who owns this service, and how do I reach them?" from the latest ownership audit of the software catalog.

Use it during an incident, to find who owns a failing service and how to reach them, or whenever you need the owning team, its members and contact channels for a catalog entity.

Input \`service\` accepts a full entity ref (\`component:default/payments-api\`), a short ref (\`default/payments-api\` or \`payments-api\`, which default to kind Component and namespace default), or free text such as a title (\`Payments API\`), which is looked up by name, title, tag, system and owner. The best match you may read is returned; \`otherMatches\` lists up to ${MAX_OTHER_MATCHES} other candidate refs: if the answer is not the entity you meant, call again with one of them.

\`owner.status\` tells how the entity's spec.owner resolved:
- \`ok\`: a Group with members; \`members\` and \`contacts\` tell whom to reach.
- \`missing\`: no owner, or a placeholder such as "unknown"; nobody is accountable, see \`suggestedOwner\`.
- \`unresolved\`: spec.owner (\`owner.raw\`) names nothing in the catalog.
- \`individual\`: owned by a single User rather than a team.
- \`empty-team\`: owned by a Group without any members.
\`suggestedOwner\` is the owner of the entity's System or Domain (or the team its repository's CODEOWNERS names), offered when the owner is not \`ok\`. \`findings\` are the audit's ownership and operability problems with how to fix them; \`level\` (0 not owned to 4 healthy) and \`score\` (0-100) summarise them. Fails with NotFoundError when nothing you may read matches.`;

/**
 * Registers `who-owns`: the owner, people and contacts of one audited entity,
 * found by ref or by the incident lookup.
 */
export function registerWhoOwnsAction(options: {
  actionsRegistry: ActionsRegistryService;
  services: ServiceQueries;
  lookup: LookupService;
  visibility: CatalogVisibility;
}) {
  const { actionsRegistry, services, lookup, visibility } = options;

  /** The entity's details, or `undefined` when it is not audited or not readable. */
  async function details(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<ServiceDetails | undefined> {
    try {
      return await services.get(entityRef, credentials);
    } catch (error) {
      if (isError(error) && error.name === 'NotFoundError') {
        return undefined;
      }
      throw error;
    }
  }

  actionsRegistry.register({
    name: 'who-owns',
    title: 'Who owns a service',
    description: DESCRIPTION,
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          service: z
            .string()
            .trim()
            .min(1)
            .max(200)
            .describe(
              'The service to look up: a full entity ref (component:default/payments-api), a short ref or name (payments-api), or its title or other text (Payments API)',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z
            .string()
            .describe('Full ref of the matched entity, kind:namespace/name'),
          title: z.string().describe('Display name of the entity'),
          kind: z.string().describe('Catalog kind, e.g. Component or API'),
          type: z.string().optional().describe('spec.type, e.g. service'),
          lifecycle: z
            .string()
            .optional()
            .describe('spec.lifecycle, e.g. production'),
          system: z.string().optional().describe('Full ref of its System'),
          description: z.string().optional(),
          owner: z
            .object({
              entityRef: z
                .string()
                .optional()
                .describe('Full ref of the owner; absent when there is none'),
              status: z
                .enum([
                  'ok',
                  'missing',
                  'unresolved',
                  'individual',
                  'empty-team',
                ])
                .describe(
                  'ok: a team with members; missing: no owner; unresolved: names nothing in the catalog; individual: a single user; empty-team: a team without members',
                ),
              title: z
                .string()
                .optional()
                .describe('Display name of the owner'),
              raw: z
                .string()
                .optional()
                .describe('spec.owner exactly as written in the entity'),
            })
            .describe('The owner as the catalog states it'),
          members: z
            .array(
              z.object({
                entityRef: z.string().describe('Full ref of the user'),
                title: z.string().optional().describe('Display name'),
                email: z.string().optional(),
                via: z
                  .string()
                  .optional()
                  .describe(
                    'The sub-group the membership comes from, when not the owner itself',
                  ),
              }),
            )
            .describe(
              `People of the owning team and its sub-groups (the user for an individual owner); at most ${MAX_MEMBERS}`,
            ),
          memberCount: z
            .number()
            .describe('How many members the owner has in all'),
          contacts: z
            .array(
              z.object({
                type: z.enum(['email', 'chat', 'link']),
                label: z.string(),
                url: z.string(),
              }),
            )
            .describe('Ways to reach the owner: email, chat channels, links'),
          suggestedOwner: z
            .object({
              entityRef: z.string(),
              title: z.string().optional(),
              source: z.enum(['system', 'domain', 'codeowners']),
              via: z
                .string()
                .describe(
                  'Full ref of the System or Domain that owns it, or the URL of the CODEOWNERS file that names it',
                ),
            })
            .optional()
            .describe(
              "Who probably owns it when the owner is not ok: the owner of its System or Domain, or the team its repository's CODEOWNERS names",
            ),
          findings: z
            .array(
              z.object({
                ruleId: z.string(),
                severity: z.enum(['error', 'warning', 'info']),
                message: z.string(),
                remediation: z.string().describe('How to fix it'),
              }),
            )
            .describe('Problems the audit found with this entity'),
          level: z
            .number()
            .describe(
              'Maturity 0-4: 0 not owned, 1 owned, 2 operable, 3 documented, 4 healthy',
            ),
          score: z
            .number()
            .describe('0-100: the severity-weighted share of rules it passes'),
          otherMatches: z
            .array(z.string())
            .describe(
              'Refs of other entities that also match the input, best first, to disambiguate',
            ),
          runId: z.number().describe('The audit run the answer comes from'),
          generatedAt: z
            .string()
            .describe('When that audit run finished, ISO-8601'),
        }),
    },
    action: async ({ input, credentials, logger }) => {
      const query = input.service;
      const ref = refOf(query);
      let found = ref ? await details(ref, credentials) : undefined;

      let response: LookupResponse | undefined;
      try {
        response = await lookup.search(query, LOOKUP_LIMIT);
      } catch (error) {
        // The ref alone answers; the lookup only adds other matches.
        if (!found) {
          throw error;
        }
        logger.warn(`Ownership lookup of "${query}" failed`, error as Error);
      }
      const matches = response
        ? await visibleMatches(response.items, query, visibility, credentials)
        : [];

      // The lookup index may trail the latest run by a moment.
      const gone = new Set<string>();
      for (const match of matches) {
        if (found) {
          break;
        }
        found = await details(match.entityRef, credentials);
        if (!found) {
          gone.add(match.entityRef);
        }
      }
      if (!found) {
        throw new NotFoundError(
          response?.runId === undefined
            ? `No ownership audit has completed yet, so the owner of "${query}" is not known; try again once the first audit run has finished`
            : `No audited entity you may read matches "${query}": it is not the ref of an entity in the latest ownership audit, and looking it up by name, title, tag, system and owner found nothing. Try the full entity ref, e.g. component:default/payments-api, or a shorter part of the name`,
        );
      }

      const entity = found;
      const { owner } = entity;
      return {
        output: {
          entityRef: entity.entityRef,
          title: entity.title,
          kind: entity.kind,
          type: entity.type,
          lifecycle: entity.lifecycle,
          system: entity.system,
          description: entity.description,
          owner: {
            entityRef: owner.entityRef,
            status: owner.status,
            title: owner.title,
            raw: owner.raw,
          },
          members: owner.members.slice(0, MAX_MEMBERS).map(m => ({
            entityRef: m.entityRef,
            title: m.title,
            email: m.email,
            via: m.via,
          })),
          memberCount: owner.members.length,
          contacts: owner.contacts.map(c => ({
            type: c.type,
            label: c.label,
            url: c.url,
          })),
          suggestedOwner: entity.suggestedOwner && {
            entityRef: entity.suggestedOwner.entityRef,
            title: entity.suggestedOwner.title,
            source: entity.suggestedOwner.source,
            via: entity.suggestedOwner.via,
          },
          findings: entity.findings.map(f => ({
            ruleId: f.ruleId,
            severity: f.severity,
            message: f.message,
            remediation: f.remediation,
          })),
          level: entity.level,
          score: entity.score,
          otherMatches: matches
            .map(m => m.entityRef)
            .filter(r => r !== entity.entityRef && !gone.has(r))
            .slice(0, MAX_OTHER_MATCHES),
          runId: entity.runId,
          generatedAt: entity.generatedAt,
        },
      };
    },
  });
}

/** The full, lower-case ref the input names when it reads as one. */
function refOf(text: string): string | undefined {
  if (!REF_LIKE.test(text)) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(text, {
        defaultKind: 'component',
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}
