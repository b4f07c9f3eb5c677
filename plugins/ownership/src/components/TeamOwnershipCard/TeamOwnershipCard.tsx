import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type {
  ServiceSummary,
  TeamDetails,
} from '@ownership-portal/plugin-ownership-common';
import {
  OnCallBlock,
  Section,
  plural,
  severitySummary,
  InlineRow,
  MaturityChip,
} from '../shared';
import { TeamDetailsLoader } from './TeamDetailsLoader';

const listSx = { listStyle: 'none', m: 0, p: 0 } as const;

/** Open findings of a service, e.g. `1 error, 1 warning`, or `No findings`. */
function findingCounts(service: ServiceSummary): string {
  return severitySummary(service.findings) || 'No findings';
}

function Figures(props: { details: TeamDetails }) {
  const { details } = props;
  const { error, warning, info } = details.findings;
  const own = details.directServiceCount;
  const items = [
    `${plural(details.serviceCount, 'service')} (${own} own)`,
    plural(error, 'error'),
    plural(warning, 'warning'),
    `${info} info`,
    `Score ${Math.round(details.score)}/100`,
  ];
  return (
    <Stack
      direction="row"
      component="ul"
      aria-label="Figures"
      spacing={1}
      useFlexGap
      flexWrap="wrap"
      sx={listSx}
    >
      {items.map(item => (
        <Box component="li" key={item}>
          <Chip size="small" variant="outlined" label={item} />
        </Box>
      ))}
    </Stack>
  );
}

/** Services that need work first: lowest level, then lowest score, then by title. */
function worstFirst(
  services: TeamDetails['services'],
): TeamDetails['services'] {
  return [...services].sort(
    (a, b) =>
      a.level - b.level || a.score - b.score || a.title.localeCompare(b.title),
  );
}

function ServiceList(props: { details: TeamDetails }) {
  const { details } = props;
  if (details.services.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        No services. Set <code>spec.owner: {details.entityRef}</code> in the
        catalog-info.yaml of the services this team owns.
      </Typography>
    );
  }
  return (
    <Box component="ul" aria-label={`Services of ${details.title}`} sx={listSx}>
      {worstFirst(details.services).map(service => {
        const viaSubGroup =
          service.owner.entityRef &&
          service.owner.entityRef !== details.entityRef;
        return (
          <Box component="li" key={service.entityRef} sx={{ py: 0.25 }}>
            <InlineRow>
              <Typography variant="body2" component="span">
                <EntityRefLink entityRef={service.entityRef}>
                  {service.title}
                </EntityRefLink>
              </Typography>
              <MaturityChip level={service.level} />
              <Typography variant="caption" color="text.secondary">
                {findingCounts(service)}
                {viaSubGroup &&
                  ` · via ${service.owner.title ?? service.owner.entityRef}`}
              </Typography>
            </InlineRow>
          </Box>
        );
      })}
    </Box>
  );
}

function TeamNoRotationHint() {
  return (
    <Box>
      <Typography variant="body2">No rotation</Typography>
      <Typography variant="caption" color="text.secondary" component="p">
        No on-call provider knows a rotation for this team. Add{' '}
        <code>ownership-portal/oncall-rotation</code>,{' '}
        <code>pagerduty.com/service-id</code> or{' '}
        <code>ownership-portal/oncall-ical</code> to the annotations in the
        team&apos;s catalog-info.yaml.
      </Typography>
    </Box>
  );
}

/** The body of the card for a loaded team. */
export function TeamOwnershipSummary(props: { details: TeamDetails }) {
  const { details } = props;
  return (
    <Stack spacing={1.5} divider={<Divider flexItem />}>
      <Section title="Figures">
        <Figures details={details} />
      </Section>
      <Section title="Services">
        <ServiceList details={details} />
      </Section>
      <Section title="On call">
        {details.oncall ? (
          <OnCallBlock oncall={details.oncall} />
        ) : (
          <TeamNoRotationHint />
        )}
      </Section>
    </Stack>
  );
}

/**
 * The "Team ownership" card of Group pages: the team's services (sub-groups
 * included) with their maturity level and findings, the team's rotation and
 * its figures, as the latest ownership audit saw them.
 *
 * @public
 */
export function TeamOwnershipCard() {
  return (
    <InfoCard titleTypographyProps={{ component: 'h3' }} title="Team ownership">
      <TeamDetailsLoader subject="ownership">
        {details => <TeamOwnershipSummary details={details} />}
      </TeamDetailsLoader>
    </InfoCard>
  );
}
