import type { ResolvedService } from '@ownership-portal/plugin-ownership-common';
import type { OnCallSubject } from '@ownership-portal/plugin-ownership-node';
import type { OrgDirectory } from '../org/OrgDirectory';

const ONCALL_ANNOTATION_PREFIXES = [
  'ownership-portal/',
  'pagerduty.com/',
  'opsgenie.com/',
];

/** The annotations on-call providers read; the rest stays out of storage. */
export function oncallAnnotations(
  annotations: Record<string, string> = {},
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(annotations).filter(([key]) =>
      ONCALL_ANNOTATION_PREFIXES.some(prefix => key.startsWith(prefix)),
    ),
  );
}

/** What on-call providers match a service on: its annotations and its owning Group's. */
export function oncallSubject(
  service: ResolvedService,
  org: OrgDirectory,
): OnCallSubject {
  const owner = service.ownerResolution;
  const group =
    owner.kind === 'Group' && owner.entityRef
      ? org.groups.get(owner.entityRef)
      : undefined;
  return {
    service: {
      entityRef: service.entityRef,
      kind: service.kind,
      ...(service.title && { title: service.title }),
      annotations: oncallAnnotations(service.annotations),
    },
    ...(group && {
      team: {
        entityRef: group.ref,
        title: group.title,
        annotations: oncallAnnotations(group.entity.metadata.annotations),
      },
    }),
  };
}
