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

/** The decision date as the record states it, else "undated"; for a proposal, since when. */
function AdrDate(props: { adr: AdrInfo }) {
  const { adr } = props;
  const since = adr.proposedSince;
  return (
    <>
      {adr.date ? (
        formatDate(adr.date)
      ) : (
        <Typography variant="body2" color="text.secondary" component="span">
          undated
        </Typography>
      )}
      {since && since.source === 'first-seen' && (
        <Typography
          variant="caption"
          color="text.secondary"
          component="span"
          display="block"
          title="The record states no date: counted from the first audit that saw it proposed"
        >
          proposed since {formatDate(since.date)} (first seen)
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
  const problemAlert = (
    <>
      <ReadStateNote state={read} what="Decision records" />
      {problems && problems.length > 0 ? (
        <Alert severity="warning" sx={{ mb: 1 }}>
          Could not read all decision records: {problems.join('; ')}
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
          No ADR location. Set the <code>backstage.io/adr-location</code>{' '}
          annotation in catalog-info.yaml to the folder of the entity&apos;s
          architecture decision records (MADR or Nygard format).
        </Hint>
      </>
    );
  }
  if (adrs.length === 0) {
    return (
      <>
        {problemAlert}
        <Hint>No decision records found in the ADR location.</Hint>
      </>
    );
  }
  return (
    <>
      {problemAlert}
      <TableContainer>
        <Table size="small" aria-label="Architecture decision records">
          <TableHead>
            <TableRow>
              <TableCell>Title</TableCell>
              <TableCell>Status</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>Date</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>Superseded by</TableCell>
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
