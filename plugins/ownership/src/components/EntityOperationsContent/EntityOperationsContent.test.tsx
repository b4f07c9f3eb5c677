import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { ServiceDetails } from '@ownership-portal/plugin-ownership-common';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  ownershipApiWith,
  notFoundError,
  paymentsApiEntity,
  serviceWith,
  wellKeptService,
} from '../shared/__testUtils__/serviceDetails';
import { EntityOperationsContent } from './EntityOperationsContent';

/** Renders the tab and lets the fake API answer inside `act`. */
async function renderTab(getService: Parameters<typeof ownershipApiWith>[0]) {
  await act(async () => {
    renderInTestApp(
      <EntityProvider entity={paymentsApiEntity}>
        <EntityOperationsContent />
      </EntityProvider>,
      {
        apis: [ownershipApiWith(getService)],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
  });
}

/** The cells of a table's body rows, as text. */
function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent ?? ''),
    );
}

describe('EntityOperationsContent', () => {
  it('lists runbooks with source, review date, freshness and reason', async () => {
    await renderTab(wellKeptService());

    const table = await screen.findByRole('table', { name: 'Runbooks' });
    const [fresh, stale, unreachable] = rowsOf(table);
    expect(fresh[1]).toBe('Annotation');
    expect(fresh[2]).toMatch(/^\d{4}-\d{2}-\d{2}from front matter$/);
    expect(fresh[3]).toBe('Fresh');
    expect(stale[1]).toBe('Entity link');
    expect(stale[2]).toMatch(/last modified$/);
    expect(stale[3]).toBe('Stale · reviewed 8 months ago');
    expect(unreachable).toEqual([
      'Card network outage, Opens in a new window',
      'Team link',
      '—',
      'Unreachable',
      '404 Not Found',
    ]);
    expect(
      within(table).getByRole('link', { name: /Refund backlog/ }),
    ).toHaveAttribute(
      'href',
      'https://github.example/acme/payments-api/blob/main/docs/runbooks/refunds.md',
    );
  });

  it('lists decision records newest first with status and successor', async () => {
    await renderTab(wellKeptService());

    const table = await screen.findByRole('table', {
      name: 'Architecture decision records',
    });
    const rows = rowsOf(table);
    expect(rows.map(r => [r[1], r[2], r[3]])).toEqual([
      ['proposed', '2025-11-10', ''],
      ['accepted', '2025-06-02', ''],
      ['superseded', '2025-04-20', '0004-outbox.md'],
      ['accepted', '2025-03-14', ''],
    ]);
    expect(rows[0][0]).toMatch(/^Transactional outbox for captures/);
    expect(
      within(table).getByRole('link', { name: /Use PostgreSQL/ }),
    ).toHaveAttribute(
      'href',
      'https://github.example/acme/payments-api/blob/main/docs/adr/0001-use-postgresql.md',
    );
  });

  it('shows tech debt with counts, effort, age, overdue items and issue links', async () => {
    await renderTab(wellKeptService());

    const table = await screen.findByRole('table', { name: 'Tech debt' });
    expect(screen.getByText(/overdue ·/, { selector: 'p' })).toHaveTextContent(
      '2 open · 1 overdue · 7 days of effort',
    );
    const [legacy, node, done] = rowsOf(table);
    expect(legacy.slice(0, 4)).toEqual([
      'TD-12',
      'Remove the legacy SOAP adapter',
      'high',
      '120',
    ]);
    expect(legacy[4]).toMatch(/^\d{4}-\d{2}-\d{2}Overdue$/);
    expect(legacy[5]).toBe('Open');
    expect(
      within(table).getByRole('link', { name: /acme\/payments-api#412/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/payments-api/issues/412',
    );
    expect(node[3]).toBe('30');
    expect(node[4]).not.toMatch(/Overdue/);
    expect(node[5]).toBe('In progress');
    expect(done[4]).toBe('—');
    expect(done[5]).toBe('Done');
  });

  it('lists findings with their remediation, most severe first', async () => {
    await renderTab(wellKeptService());

    const list = await screen.findByRole('list', { name: 'Findings' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      'runbook "Card network outage" is unreachable',
    );
    expect(items[0]).toHaveTextContent(
      'Fix: Fix or remove the link in the team’s metadata.links.',
    );
    expect(items[1]).toHaveTextContent(
      'Fix: Review the runbook and set `reviewed:` in its front matter.',
    );
  });

  it('draws the score per run as an image with a summary', async () => {
    await renderTab(wellKeptService());

    const chart = await screen.findByRole('img', {
      name: /^Score per audit run/,
    });
    expect(chart).toHaveAccessibleName(
      'Score per audit run: 5 runs from 2026-10-24 to 2026-11-28, up from 40 to 96 (lowest 40, highest 96).',
    );
    expect(chart.querySelectorAll('circle')).toHaveLength(5);
    expect(
      screen.getByText('Score 96/100 in the latest audit run.'),
    ).toBeInTheDocument();
  });

  it('says what to add to catalog-info.yaml when documents are missing', async () => {
    await renderTab(
      serviceWith({
        runbooks: [],
        adrs: undefined,
        techDebt: undefined,
        history: [],
        findings: [],
      }),
    );

    expect(
      await screen.findByText(/ownership-portal\/runbooks/, {
        selector: 'code',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('backstage.io/adr-location')).toBeInTheDocument();
    expect(screen.getByText('ownership-portal/tech-debt')).toBeInTheDocument();
    expect(screen.getByText(/No audit history yet/)).toBeInTheDocument();
    expect(screen.getByText(/No open findings/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows problems reading ADRs and the debt register', async () => {
    const service = wellKeptService();
    await renderTab({
      ...service,
      adrProblems: ['docs/adr/0005-draft.md: no title'],
      techDebt: {
        ...service.techDebt!,
        problems: [
          {
            source: 'register',
            message:
              'line 14: impact must be one of low, medium, high, critical',
          },
        ],
      },
    });

    expect(
      await screen.findByText(/Could not read all decision records/),
    ).toHaveTextContent('docs/adr/0005-draft.md: no title');
    expect(
      screen.getByText(/line 14: impact must be one of/),
    ).toHaveTextContent('register: line 14');
  });

  it('says which documents could not be read just now, and which are stale copies', async () => {
    const service = wellKeptService();
    const readAt = new Date(Date.now() - 3 * 3_600_000).toISOString();
    const [fresh, stale] = service.runbooks!;
    await renderTab({
      ...service,
      runbooks: [
        { ...fresh, staleRead: { reason: '503 Service Unavailable', readAt } },
        {
          ...stale,
          status: 'unknown',
          freshness: 'unknown',
          reviewedAt: undefined,
          reviewedFrom: undefined,
          reason:
            'Documents at wiki.example.com did not answer within 20000 ms',
        },
      ],
      adrs: undefined,
      adrRead: {
        status: 'unknown',
        reason: 'Documents at github.example is failing (circuit breaker open)',
      },
      techDebt: {
        ...service.techDebt!,
        reads: [
          {
            source: 'github',
            status: 'stale',
            reason: 'GitHub rate limit reached (429)',
            readAt,
          },
        ],
      },
    });

    const table = await screen.findByRole('table', { name: 'Runbooks' });
    const [copy, unknown] = rowsOf(table);
    expect(copy[3]).toBe('FreshStale copy');
    expect(copy[4]).toMatch(
      /^Stale copy from 3 hours ago \(.+\): could not be read just now: 503 Service Unavailable$/,
    );
    expect(unknown[3]).toBe('Could not be read just now');
    expect(unknown[4]).toBe(
      'Could not be read just now: Documents at wiki.example.com did not answer within 20000 ms',
    );
    expect(
      screen.getByText(/^Decision records: Could not be read just now/),
    ).toHaveTextContent(
      'Decision records: Could not be read just now: Documents at github.example is failing (circuit breaker open)',
    );
    // Unknown is not "no ADR location".
    expect(screen.queryByText(/No ADR location/)).toBeNull();
    expect(
      screen.getByText(/^GitHub issues: Stale copy from 3 hours ago/),
    ).toHaveTextContent(
      'could not be read just now: GitHub rate limit reached (429)',
    );
  });

  it('says "undated" for a record that states no date, and since when a proposal was first seen', async () => {
    const service = wellKeptService();
    const [first, ...rest] = service.adrs!;
    await renderTab({
      ...service,
      adrs: [
        {
          ...first,
          status: 'proposed',
          date: undefined,
          proposedSince: { date: '2025-12-01', source: 'first-seen' },
        },
        ...rest,
      ],
    });
    const table = await screen.findByRole('table', {
      name: 'Architecture decision records',
    });
    const undated = rowsOf(table).find(row => row[2].startsWith('undated'))!;
    expect(undated[1]).toBe('proposed');
    expect(undated[2]).toMatch(/^undatedproposed since .+ \(first seen\)$/);
  });

  it('explains an entity that is not in the latest audit', async () => {
    await renderTab(async (ref: string): Promise<ServiceDetails> => {
      throw await notFoundError(ref);
    });

    expect(await screen.findByText('Not audited yet')).toBeInTheDocument();
    expect(screen.getByText('ownership.scope.kinds')).toBeInTheDocument();
  });

  it('names the failure and retries on request', async () => {
    const getService = jest
      .fn()
      .mockRejectedValueOnce(
        new Error('Request failed with 500 Internal Server Error'),
      )
      .mockResolvedValueOnce(wellKeptService());
    await renderTab(getService);

    expect(
      await screen.findByText(
        'Could not load the operations data of payments-api',
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));

    expect(
      await screen.findByRole('table', { name: 'Runbooks' }),
    ).toBeInTheDocument();
    expect(getService).toHaveBeenCalledTimes(2);
  });
});
