import type { RunbookInfo } from '@ownership-portal/plugin-ownership-common';
import type { ReactNode } from 'react';
import { DocumentLink } from '../DocumentLink';
import { RunbookStatusBadge } from '../FreshnessBadge';
import { InlineRow } from '../InlineRow';

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
    <InlineRow>
      <DocumentLink url={runbook.url} title={runbook.title} />
      {children}
      <RunbookStatusBadge runbook={runbook} />
    </InlineRow>
  );
}
