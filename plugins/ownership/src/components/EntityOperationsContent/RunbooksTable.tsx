import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { RunbookInfo } from '@ownership-portal/plugin-ownership-common';
import {
  Hint,
  RunbookStatusBadge,
  formatDate,
  DocumentLink,
  staleText,
  unknownText,
} from '../shared';

/** What the Notes column says: why it was not read, or that a stale copy is shown. */
function note(runbook: RunbookInfo): string {
  if (runbook.status === 'unknown') {
    return unknownText(runbook.reason);
  }
  return [runbook.staleRead && staleText(runbook.staleRead), runbook.reason]
    .filter(Boolean)
    .join('; ');
}

const RUNBOOK_SOURCES: Record<RunbookInfo['source'], string> = {
  'service-link': 'Entity link',
  'team-link': 'Team link',
  annotation: 'Annotation',
};

/** The runbooks of an entity with where each was found and how fresh it is. */
export function RunbooksTable(props: { runbooks?: RunbookInfo[] }) {
  const runbooks = props.runbooks ?? [];
  if (runbooks.length === 0) {
    return (
      <Hint>
        No runbook. Add a link with <code>type: runbook</code> to{' '}
        <code>metadata.links</code> (of the entity or its team), or the{' '}
        <code>ownership-portal/runbooks</code> annotation naming a markdown file
        or folder, in catalog-info.yaml.
      </Hint>
    );
  }
  return (
    <TableContainer>
      <Table size="small" aria-label="Runbooks">
        <TableHead>
          <TableRow>
            <TableCell sx={{ minWidth: 200 }}>Title</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>Source</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>Reviewed</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>Freshness</TableCell>
            <TableCell>Notes</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {runbooks.map(runbook => (
            <TableRow key={runbook.url}>
              <TableCell>
                <DocumentLink url={runbook.url} title={runbook.title} />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {RUNBOOK_SOURCES[runbook.source] ?? runbook.source}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {runbook.reviewedAt ? (
                  <>
                    {formatDate(runbook.reviewedAt)}
                    {runbook.reviewedFrom && (
                      <Typography
                        variant="caption"
                        color="text.secondary"
                        component="span"
                        display="block"
                      >
                        {runbook.reviewedFrom === 'front-matter'
                          ? 'from front matter'
                          : 'last modified'}
                      </Typography>
                    )}
                  </>
                ) : (
                  '—'
                )}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <RunbookStatusBadge runbook={runbook} />
              </TableCell>
              <TableCell>{note(runbook)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
