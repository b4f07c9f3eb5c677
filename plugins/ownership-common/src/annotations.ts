/**
 * Annotation keys the Ownership Portal reads from catalog entities.
 *
 * Where another plugin already defines an annotation for the same purpose,
 * the portal reuses it so that a catalog works with both.
 *
 * @public
 */
export const OWNERSHIP_ANNOTATIONS = {
  /** Names an on-call rotation for a service or a team. */
  oncallRotation: 'ownership-portal/oncall-rotation',
  /** An iCalendar feed URL with a team's or service's on-call shifts. */
  oncallIcal: 'ownership-portal/oncall-ical',
  /** A markdown file or folder of runbooks, relative or absolute. */
  runbooks: 'ownership-portal/runbooks',
  /** A tech-debt register file, relative or absolute. */
  techDebt: 'ownership-portal/tech-debt',
  /** The tier of a System; tier "1" systems need ADRs. */
  tier: 'ownership-portal/tier',
  /** The PagerDuty plugin's service id annotation. */
  pagerDutyServiceId: 'pagerduty.com/service-id',
  /** The PagerDuty plugin's integration key annotation. */
  pagerDutyIntegrationKey: 'pagerduty.com/integration-key',
  /** The ADR plugin's location annotation. */
  adrLocation: 'backstage.io/adr-location',
  /** The GitHub plugins' repository annotation. */
  githubProjectSlug: 'github.com/project-slug',
  /** A service level objective: a URL or a file relative to catalog-info.yaml. */
  slo: 'ownership-portal/slo',
  /** TechDocs' documentation location annotation. */
  techdocsRef: 'backstage.io/techdocs-ref',
} as const;
