import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Alert from '@mui/material/Alert';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type {
  AdrInfo,
  ReadState,
} from '@ownership-portal/plugin-ownership-common';
import {
  AdrStatusChip,
  Hint,
  formatDate,
  newestFirst,
  DocumentLink,
  ReadStateNote,
} from '../shared';
import { ownershipTranslationRef } from '../../translation';

/** The decision date as the record states it, else "undated"; for a proposal, since when. */
function AdrDate(props: { adr: AdrInfo }) {
  const { adr } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  const since = adr.proposedSince;
  return (
    <>
      {adr.date ? (
        formatDate(adr.date)
      ) : (
        <Typography variant="body2" color="text.secondary" component="span">
          {t('adrTable.undated')}
        </Typography>
      )}
      {since && since.source === 'first-seen' && (
        <Typography
          variant="caption"
          color="text.secondary"
          component="span"
          display="block"
          title={t('adrTable.firstSeenTitle')}
        >
          {t('adrTable.proposedSince', { date: formatDate(since.date) })}
        </Typography>
      )}
    </>
  );
}

/**
 * The decision records of an entity, newest first, with status, date (or
 * "undated") and what superseded them. `read` says when the folder could
 * not be read just now: the records shown are its last good read, or none
 * is known.
 */
export function AdrTable(props: {
  adrs?: AdrInfo[];
  problems?: string[];
  read?: ReadState;
}) {
  const { adrs, problems, read } = props;
  const { t } = useTranslationRef(ownershipTranslationRef);
  const problemAlert = (
    <>
      <ReadStateNote state={read} what={t('adrTable.readWhat')} />
      {problems && problems.length > 0 ? (
        <Alert severity="warning" sx={{ mb: 1 }}>
          {t('adrTable.problems', { problems: problems.join('; ') })}
        </Alert>
      ) : null}
    </>
  );
  if (!adrs && read?.status === 'unknown') {
    return problemAlert;
  }
  if (!adrs) {
    return (
      <>
        {problemAlert}
        <Hint>
          {t('adrTable.noLocation', {
            annotation: <code>backstage.io/adr-location</code>,
          })}
        </Hint>
      </>
    );
  }
  if (adrs.length === 0) {
    return (
      <>
        {problemAlert}
        <Hint>{t('adrTable.none')}</Hint>
      </>
    );
  }
  return (
    <>
      {problemAlert}
      <TableContainer>
        <Table size="small" aria-label={t('adrTable.tableLabel')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('adrTable.columns.title')}</TableCell>
              <TableCell>{t('adrTable.columns.status')}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {t('adrTable.columns.date')}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {t('adrTable.columns.supersededBy')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {newestFirst(adrs).map(adr => (
              <TableRow key={adr.file}>
                <TableCell>
                  <DocumentLink url={adr.url} title={adr.title} />
                  <Typography
                    variant="caption"
                    color="text.secondary"
                    component="span"
                    display="block"
                  >
                    {adr.file}
                  </Typography>
                </TableCell>
                <TableCell>
                  <AdrStatusChip status={adr.status} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <AdrDate adr={adr} />
                </TableCell>
                <TableCell>{adr.supersededBy ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
}
