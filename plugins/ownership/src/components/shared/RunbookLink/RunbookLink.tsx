import { Link } from '@backstage/core-components';
import Stack from '@mui/material/Stack';
import type { RunbookInfo } from '@ownership-portal/plugin-ownership-common';
import type { ReactNode } from 'react';
import { RunbookStatusBadge } from '../FreshnessBadge';

/**
 * A runbook on one line: its linked title, then anything the list adds (such
 * as the service it belongs to), then its freshness badge.
 */
export function RunbookLink(props: {
  runbook: RunbookInfo;
  children?: ReactNode;
}) {
  const { runbook, children } = props;
  return (
    <Stack
      direction="row"
      spacing={1}
      alignItems="center"
      useFlexGap
      flexWrap="wrap"
    >
      <Link to={runbook.url} variant="body2">
        {runbook.title}
      </Link>
      {children}
      <RunbookStatusBadge runbook={runbook} />
    </Stack>
  );
}
