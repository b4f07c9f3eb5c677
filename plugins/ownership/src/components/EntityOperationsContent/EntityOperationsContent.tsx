import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ServiceDetails } from '@ownership-portal/plugin-ownership-common';
import {
  FindingsList,
  OnCallBlock,
  ScoreHistoryChart,
  ServiceDetailsLoader,
  SloLink,
  useMaturityText,
} from '../shared';
import { ownershipTranslationRef } from '../../translation';
import { AdrTable } from './AdrTable';
import { RunbooksTable } from './RunbooksTable';
import { TechDebtTable } from './TechDebtTable';

/** The body of the tab for a loaded audit result. */
function OperationsDetails(props: { details: ServiceDetails }) {
  const { details } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  const maturity = useMaturityText();
  const { entity } = useEntity();
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 3,
        gridTemplateColumns: { xs: '1fr', lg: 'repeat(2, minmax(0, 1fr))' },
        alignItems: 'start',
      }}
    >
      <InfoCard
        titleTypographyProps={{ component: 'h3' }}
        title={t('operations.maturityTitle')}
        subheader={t('operations.maturitySubheader', {
          label: maturity.label(details.level),
          description: maturity.description(details.level),
        })}
      >
        <Typography variant="body2" gutterBottom>
          {t('operations.score', { score: String(Math.round(details.score)) })}
        </Typography>
        <ScoreHistoryChart points={details.history} />
      </InfoCard>
      <InfoCard
        titleTypographyProps={{ component: 'h3' }}
        title={t('operations.onCallTitle')}
      >
        <OnCallBlock oncall={details.oncall} detailed />
      </InfoCard>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <InfoCard
          titleTypographyProps={{ component: 'h3' }}
          title={t('operations.sloTitle')}
        >
          <SloLink entity={entity} />
        </InfoCard>
      </Box>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <InfoCard
          titleTypographyProps={{ component: 'h3' }}
          title={t('operations.runbooksTitle')}
        >
          <RunbooksTable runbooks={details.runbooks} />
        </InfoCard>
      </Box>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <InfoCard
          titleTypographyProps={{ component: 'h3' }}
          title={t('operations.adrsTitle')}
        >
          <AdrTable
            adrs={details.adrs}
            problems={details.adrProblems}
            read={details.adrRead}
          />
        </InfoCard>
      </Box>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <InfoCard
          titleTypographyProps={{ component: 'h3' }}
          title={t('operations.techDebtTitle')}
        >
          <TechDebtTable techDebt={details.techDebt} />
        </InfoCard>
      </Box>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <InfoCard
          titleTypographyProps={{ component: 'h3' }}
          title={t('operations.findingsTitle')}
        >
          <FindingsList findings={details.findings} />
        </InfoCard>
      </Box>
    </Box>
  );
}

/**
 * The "Operations" entity tab: on call, the SLO, runbooks, ADRs, tech debt, findings with
 * remediation and the entity's score over the stored audit runs.
 *
 * @public
 */
export function EntityOperationsContent() {
  return (
    <ServiceDetailsLoader subject="operations">
      {details => <OperationsDetails details={details} />}
    </ServiceDetailsLoader>
  );
}
