import { InfoCard } from '@backstage/core-components';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ServiceDetails } from '@ownership-portal/plugin-ownership-common';
import {
  FindingsList,
  MATURITY_LEVEL_DESCRIPTIONS,
  OnCallBlock,
  ScoreHistoryChart,
  ServiceDetailsLoader,
  maturityLabel,
} from '../shared';
import { AdrTable } from './AdrTable';
import { RunbooksTable } from './RunbooksTable';
import { TechDebtTable } from './TechDebtTable';

/** The body of the tab for a loaded audit result. */
export function OperationsDetails(props: { details: ServiceDetails }) {
  const { details } = props;
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
        title="Maturity"
        subheader={`${maturityLabel(details.level)}: ${
          MATURITY_LEVEL_DESCRIPTIONS[details.level]
        }`}
      >
        <Typography variant="body2" gutterBottom>
          Score {Math.round(details.score)}/100 in the latest audit run.
        </Typography>
        <ScoreHistoryChart points={details.history} />
      </InfoCard>
      <InfoCard titleTypographyProps={{ component: 'h3' }} title="On call">
        <OnCallBlock oncall={details.oncall} detailed />
      </InfoCard>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <InfoCard titleTypographyProps={{ component: 'h3' }} title="Runbooks">
          <RunbooksTable runbooks={details.runbooks} />
        </InfoCard>
      </Box>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <InfoCard
          titleTypographyProps={{ component: 'h3' }}
          title="Architecture decisions"
        >
          <AdrTable
            adrs={details.adrs}
            problems={details.adrProblems}
            read={details.adrRead}
          />
        </InfoCard>
      </Box>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <InfoCard titleTypographyProps={{ component: 'h3' }} title="Tech debt">
          <TechDebtTable techDebt={details.techDebt} />
        </InfoCard>
      </Box>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <InfoCard titleTypographyProps={{ component: 'h3' }} title="Findings">
          <FindingsList findings={details.findings} />
        </InfoCard>
      </Box>
    </Box>
  );
}

/**
 * The "Operations" entity tab: runbooks, ADRs, tech debt, findings with
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
