import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { OwnershipOverview } from '@ownership-portal/plugin-ownership-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ownershipApiRef } from '../../api';
import { ownershipTranslationRef } from '../../translation';

function KindCard(props: { kind: string; count: number }) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  return (
    <Card
      variant="outlined"
      component="section"
      aria-label={t('overview.kindLabel', { kind: props.kind })}
    >
      <CardContent>
        <Typography variant="overline" component="h3" color="text.secondary">
          {props.kind}
        </Typography>
        <Typography variant="h4" component="p">
          {props.count}
        </Typography>
      </CardContent>
    </Card>
  );
}

function OverviewFigures({ overview }: { overview: OwnershipOverview }) {
  const { t } = useTranslationRef(ownershipTranslationRef);
  if (overview.total === 0) {
    return (
      <Alert severity="info">
        <AlertTitle>{t('overview.nothingTitle')}</AlertTitle>
        {t('overview.nothing', {
          kinds: overview.scopeKinds.join(', '),
          catalogInfo: <code>catalog-info.yaml</code>,
          owner: <code>spec.owner</code>,
          scopeKinds: <code>ownership.scope.kinds</code>,
        })}
      </Alert>
    );
  }
  const lifecycles = Object.entries(overview.lifecycles).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  return (
    <Stack spacing={3}>
      <Typography variant="h5" component="h2">
        {t('overview.total', { total: String(overview.total) })}
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
        }}
      >
        {overview.kinds.map(k => (
          <KindCard key={k.kind} kind={k.kind} count={k.count} />
        ))}
      </Box>
      <Box>
        <Typography variant="subtitle2" component="h3" gutterBottom>
          {t('overview.byLifecycle')}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
          {lifecycles.map(([lifecycle, count]) => (
            <Chip
              key={lifecycle}
              label={t('overview.lifecycleCount', { lifecycle, count })}
              variant="outlined"
            />
          ))}
        </Stack>
      </Box>
      <Alert severity="info">{t('overview.firstRunPending')}</Alert>
    </Stack>
  );
}

/**
 * The body of the ownership dashboard: what the audit covers, with loading,
 * error (with retry) and empty states.
 *
 * @public
 */
export function OverviewContent() {
  const api = useApi(ownershipApiRef);
  const { t } = useTranslationRef(ownershipTranslationRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getOverview(),
    [api],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={retry}>
            {t('overview.retry')}
          </Button>
        }
      >
        <AlertTitle>{t('overview.errorTitle')}</AlertTitle>
        {error.message}
      </Alert>
    );
  }
  return value ? <OverviewFigures overview={value} /> : null;
}
