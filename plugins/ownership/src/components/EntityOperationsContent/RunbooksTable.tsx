import { useTranslationRef } from '@backstage/frontend-plugin-api';
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
  readStateTexts,
  type ReadStateTexts,
} from '../shared';
import { ownershipTranslationRef } from '../../translation';

/** What the Notes column says: why it was not read, or that a stale copy is shown. */
function note(runbook: RunbookInfo, texts: ReadStateTexts): string {
  const { staleText, unknownText } = texts;
  if (runbook.status === 'unknown') {
    return unknownText(runbook.reason);
  }
  return [runbook.staleRead && staleText(runbook.staleRead), runbook.reason]
    .filter(Boolean)
    .join('; ');
}

const RUNBOOK_SOURCE_KEYS = {
  'service-link': 'serviceLink',
  'team-link': 'teamLink',
  annotation: 'annotation',
} as const;

/** The runbooks of an entity with where each was found and how fresh it is. */
export function RunbooksTable(props: { runbooks?: RunbookInfo[] }) {
  const runbooks = props.runbooks ?? [];
  const { t } = useTranslationRef(ownershipTranslationRef);
  const sourceName = (source: RunbookInfo['source']) => {
    const key = RUNBOOK_SOURCE_KEYS[source];
    return key ? t(`runbooksTable.sources.${key}`) : source;
  };
  if (runbooks.length === 0) {
    return (
      <Hint>
        {t('runbooksTable.none', {
          linkType: <code>type: runbook</code>,
          links: <code>metadata.links</code>,
          annotation: <code>ownership-portal/runbooks</code>,
        })}
      </Hint>
    );
  }
  return (
    <TableContainer>
      <Table size="small" aria-label={t('runbooksTable.tableLabel')}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ minWidth: 200 }}>
              {t('runbooksTable.columns.title')}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {t('runbooksTable.columns.source')}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {t('runbooksTable.columns.reviewed')}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {t('runbooksTable.columns.freshness')}
            </TableCell>
            <TableCell>{t('runbooksTable.columns.notes')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {runbooks.map(runbook => (
            <TableRow key={runbook.url}>
              <TableCell>
                <DocumentLink url={runbook.url} title={runbook.title} />
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {sourceName(runbook.source)}
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
                          ? t('runbooksTable.fromFrontMatter')
                          : t('runbooksTable.lastModified')}
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
              <TableCell>{note(runbook, readStateTexts(t))}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
