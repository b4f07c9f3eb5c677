import Alert from '@mui/material/Alert';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { AdrInfo } from '@ownership-portal/plugin-ownership-common';
import {
  AdrStatusChip,
  Hint,
  formatDate,
  newestFirst,
  DocumentLink,
} from '../shared';

/**
 * The decision records of an entity, newest first, with status, date and
 * what superseded them.
 */
export function AdrTable(props: { adrs?: AdrInfo[]; problems?: string[] }) {
  const { adrs, problems } = props;
  const problemAlert =
    problems && problems.length > 0 ? (
      <Alert severity="warning" sx={{ mb: 1 }}>
        Could not read all decision records: {problems.join('; ')}
      </Alert>
    ) : null;
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
                  {adr.date ? formatDate(adr.date) : '—'}
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
