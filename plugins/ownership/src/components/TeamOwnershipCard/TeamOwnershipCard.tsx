import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
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
  severitySummary,
  InlineRow,
  MaturityChip,
} from '../shared';
import { ownershipTranslationRef } from '../../translation';
import { TeamDetailsLoader } from './TeamDetailsLoader';

const listSx = { listStyle: 'none', m: 0, p: 0 } as const;

function Figures(props: { details: TeamDetails }) {
  const { details } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  const { error, warning, info } = details.findings;
  const own = details.directServiceCount;
  const items = [
    t('teamOwnershipCard.figures.services', {
      count: details.serviceCount,
      own: String(own),
    }),
    t('teamOwnershipCard.figures.errors', { count: error }),
    t('teamOwnershipCard.figures.warnings', { count: warning }),
    t('teamOwnershipCard.figures.info', { info: String(info) }),
    t('teamOwnershipCard.figures.score', {
      score: String(Math.round(details.score)),
    }),
  ];
  return (
    <Stack
      direction="row"
      component="ul"
      aria-label={t('teamOwnershipCard.figuresLabel')}
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
  const { t } = useTranslationRef(ownershipTranslationRef);
  // Open findings of a service, e.g. `1 error, 1 warning`, or `No findings`.
  const findingCounts = (service: ServiceSummary) =>
    severitySummary(service.findings, t) || t('teamOwnershipCard.noFindings');
  if (details.services.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('teamOwnershipCard.noServices', {
          code: <code>spec.owner: {details.entityRef}</code>,
        })}
      </Typography>
    );
  }
  return (
    <Box
      component="ul"
      aria-label={t('teamOwnershipCard.servicesLabel', {
        team: details.title,
      })}
      sx={listSx}
    >
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
                  t('teamOwnershipCard.viaSubGroup', {
                    team: service.owner.title ?? service.owner.entityRef ?? '',
                  })}
              </Typography>
            </InlineRow>
          </Box>
        );
      })}
    </Box>
  );
}

function TeamNoRotationHint() {
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <Box>
      <Typography variant="body2">
        {t('teamOwnershipCard.noRotation')}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p">
        {t('teamOwnershipCard.noRotationHint', {
          rotation: <code>ownership-portal/oncall-rotation</code>,
          pagerduty: <code>pagerduty.com/service-id</code>,
          ical: <code>ownership-portal/oncall-ical</code>,
        })}
      </Typography>
    </Box>
  );
}

/** The body of the card for a loaded team. */
function TeamOwnershipSummary(props: { details: TeamDetails }) {
  const { details } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <Stack spacing={1.5} divider={<Divider flexItem />}>
      <Section title={t('teamOwnershipCard.figuresSection')}>
        <Figures details={details} />
      </Section>
      <Section title={t('teamOwnershipCard.servicesSection')}>
        <ServiceList details={details} />
      </Section>
      <Section title={t('teamOwnershipCard.onCallSection')}>
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
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <InfoCard
      titleTypographyProps={{ component: 'h3' }}
      title={t('teamOwnershipCard.title')}
    >
      <TeamDetailsLoader subject="ownership">
        {details => <TeamOwnershipSummary details={details} />}
      </TeamDetailsLoader>
    </InfoCard>
  );
}
