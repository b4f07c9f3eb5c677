import { readFileSync } from 'fs';
import { join } from 'path';
import { parseAdrDate } from './adrDate';
import { normaliseAdrStatus } from './adrStatus';
import { parseAdr } from './parseAdr';

const BASE = 'https://github.com/acme/payments/blob/main/docs/adrs';

function fixture(file: string, lastModified?: Date) {
  return parseAdr({
    file,
    url: `${BASE}/${file}`,
    text: readFileSync(join(__dirname, '__fixtures__', file), 'utf8'),
    lastModified,
  });
}

const inline = (text: string, lastModified?: Date) =>
  parseAdr({ file: '0010-x.md', url: `${BASE}/0010-x.md`, text, lastModified });

describe('parseAdr', () => {
  it('reads a Nygard / adr-tools record: numbered title, Date line, Status section', () => {
    expect(fixture('0001-record-architecture-decisions.md')).toEqual({
      title: 'Record architecture decisions',
      status: 'accepted',
      date: '2019-01-14',
      url: `${BASE}/0001-record-architecture-decisions.md`,
      file: '0001-record-architecture-decisions.md',
      problems: [],
      titleFrom: 'heading',
      statusFrom: 'status-section',
      dateFrom: 'field-line',
    });
  });

  it('reads "Superseded by [..](..)" as superseded, naming the link target', () => {
    const adr = fixture('0002-use-rabbitmq-for-payment-events.md');
    expect(adr.status).toBe('superseded');
    expect(adr.supersededBy).toBe('0005-use-kafka-for-payment-events.md');
    expect(adr.problems).toEqual([]);
  });

  it('reads adr-tools "Supercedes" links under an Accepted status', () => {
    const adr = fixture('0005-use-kafka-for-payment-events.md');
    expect(adr.status).toBe('accepted');
    expect(adr.supersedes).toEqual(['0002-use-rabbitmq-for-payment-events.md']);
    expect(adr.supersededBy).toBeUndefined();
    expect(adr.title).toBe('Use Kafka for payment events');
  });

  it('reads MADR 2 list fields under the title', () => {
    expect(fixture('0003-store-ledger-in-postgresql.md')).toMatchObject({
      title: 'Store the ledger in PostgreSQL',
      status: 'accepted',
      date: '2020-05-01',
      deciders: ['Dana Whitfield', 'Omar Haddad', 'Lin Zhou'],
      statusFrom: 'field-line',
      problems: [],
    });
  });

  it('reads MADR 2 fields with "*" markers, bold keys, bare lines and any case', () => {
    const adr = inline(
      [
        '# Use feature flags',
        '',
        '* STATUS: Approved',
        '**Deciders:** [Omar Haddad](https://github.com/ohaddad) and Lin Zhou',
        'date: March 4, 2021',
        '',
        '## Context and Problem Statement',
        '',
        'Status: rejected (prose further down is not a field)',
      ].join('\n'),
    );
    expect(adr).toMatchObject({
      title: 'Use feature flags',
      status: 'accepted',
      date: '2021-03-04',
      deciders: ['Omar Haddad', 'Lin Zhou'],
      problems: [],
    });
  });

  it('reads MADR 3 front matter with deciders as text', () => {
    expect(fixture('0007-expose-graphql-gateway.md')).toMatchObject({
      title: 'Expose a GraphQL gateway for the merchant portal',
      status: 'proposed',
      date: '2026-09-15',
      deciders: ['Dana Whitfield', 'Priya Natarajan'],
      statusFrom: 'front-matter',
      dateFrom: 'front-matter',
      problems: [],
    });
  });

  it('reads MADR 4 decision-makers, consulted and informed, and Supersedes links in the body', () => {
    expect(fixture('0006-adopt-opentelemetry-tracing.md')).toMatchObject({
      title: 'Adopt OpenTelemetry for tracing',
      status: 'accepted',
      date: '2024-11-20',
      deciders: ['Lin Zhou', 'Priya Natarajan'],
      consulted: ['SRE guild'],
      informed: ['payments', 'fraud', 'notifications'],
      supersedes: ['0004-use-zipkin-for-tracing.md'],
      problems: [],
    });
  });

  it('reads MADR front matter "superseded by [ADR-0005](..)" and a supersedes list', () => {
    const adr = inline(
      [
        '---',
        'status: superseded by [ADR-0012](0012-use-grpc.md)',
        'date: 2022-07-01T09:30:00Z',
        'supersedes: [0003-use-soap.md, ADR-0004]',
        '---',
        '# Use REST between services',
      ].join('\n'),
    );
    expect(adr).toMatchObject({
      status: 'superseded',
      supersededBy: '0012-use-grpc.md',
      supersedes: ['0003-use-soap.md', 'ADR-0004'],
      date: '2022-07-01',
      problems: [],
    });
  });

  it('reports malformed front matter with its line and reads its fields line by line', () => {
    const adr = fixture('0008-cache-fx-rates-in-redis.md');
    expect(adr.problems).toHaveLength(1);
    expect(adr.problems[0]).toMatch(/^front matter line \d+: /);
    expect(adr).toMatchObject({
      title: 'Cache FX rates in Redis',
      status: 'accepted',
      date: '2025-02-03',
      deciders: ['Dana Whitfield', 'Omar Haddad'],
    });
  });

  it('reports an unknown status word and keeps the record', () => {
    const adr = fixture('0009-split-billing-service.md');
    expect(adr.status).toBe('unknown');
    expect(adr.problems).toEqual([
      'unknown status "On hold until the Q3 reorganisation"; use proposed, accepted, rejected, deprecated or superseded',
    ]);
    expect(adr.title).toBe('Split the billing service');
  });

  it('strips leading numbers from titles in their common spellings', () => {
    const title = (heading: string) =>
      inline(`# ${heading}\n\nStatus: accepted`).title;
    expect(title('3. Use PostgreSQL')).toBe('Use PostgreSQL');
    expect(title('0003 - Use PostgreSQL')).toBe('Use PostgreSQL');
    expect(title('ADR-0003: Use PostgreSQL')).toBe('Use PostgreSQL');
    expect(title('ADR 12 Use gRPC')).toBe('Use gRPC');
    expect(title('2FA for the admin console')).toBe(
      '2FA for the admin console',
    );
    expect(title('Use `pgbouncer` for [PostgreSQL](https://x)')).toBe(
      'Use pgbouncer for PostgreSQL',
    );
  });

  it('never takes the date from lastModified: a record without one is undated', () => {
    const modified = new Date('2026-10-02T08:00:00Z');
    const undated = inline('# Use X\n\n## Status\n\nProposed\n', modified);
    expect(undated.date).toBeUndefined();
    expect(undated.dateFrom).toBeUndefined();
    expect(undated.problems).toEqual([]);
    const unparsable = inline(
      '# Use X\n\nDate: sometime in spring\n\n## Status\n\nProposed\n',
      modified,
    );
    expect(unparsable.date).toBeUndefined();
    expect(unparsable.dateFrom).toBeUndefined();
    expect(unparsable.problems).toEqual([
      'date "sometime in spring" is not a date; write it as YYYY-MM-DD',
    ]);
  });

  it('reads a ## Date section', () => {
    expect(
      inline('# Use X\n\n## Status\n\nAccepted\n\n## Date\n\n2023-01-09\n'),
    ).toMatchObject({ date: '2023-01-09', dateFrom: 'date-section' });
  });

  it('uses the first known status of a status section and lets "Superseded by" win', () => {
    expect(
      inline('# 3. Y\n\n## Status\n\nAmends [1. X](0001-x.md)\n\nAccepted\n')
        .status,
    ).toBe('accepted');
    const later = inline(
      '# 3. Y\n\n## Status\n\nAccepted\n\nSuperseded by [7. Z](./0007-z.md#status)\n',
    );
    expect(later).toMatchObject({
      status: 'superseded',
      supersededBy: '0007-z.md',
    });
  });

  it('reports a missing status and falls back to the file name for the title', () => {
    const adr = inline('Some notes without a heading.\n');
    expect(adr.title).toBe('X');
    expect(adr.titleFrom).toBe('file-name');
    expect(adr.statusFrom).toBeUndefined();
    expect(adr.status).toBe('unknown');
    expect(adr.problems).toEqual([
      'no "# " title; the file name is used',
      'no status: write "status:" in the front matter, a "Status:" line under the title or a "## Status" section',
    ]);
  });

  it('ignores headings and fields in code blocks and comments, and template placeholders', () => {
    const adr = inline(
      [
        '<!-- # Not the title -->',
        '```markdown',
        '# Example ADR',
        'Status: rejected',
        '```',
        '# Real title',
        '',
        '* Status: [proposed | rejected | accepted | deprecated | … | superseded by [ADR-0005](0005-example.md)]',
        '* Deciders: [list everyone involved in the decision] <!-- optional -->',
        '* Date: [YYYY-MM-DD when the decision was last updated] <!-- optional -->',
      ].join('\n'),
    );
    expect(adr.title).toBe('Real title');
    expect(adr.statusFrom).toBeUndefined();
    expect(adr.deciders).toBeUndefined();
    expect(adr.date).toBeUndefined();
  });

  it('never throws on odd input', () => {
    for (const text of [
      '',
      '---\n---\n',
      '---\nstatus: {a: 1}\n---\n# T',
      '---\n- a\n---\n',
      '#\n##\n',
      '# T\n## Status\n',
      '\uFEFF# T\r\n\r\nStatus: accepted\r\n',
    ]) {
      expect(() => inline(text)).not.toThrow();
    }
    expect(inline('---\nstatus: {a: 1}\n---\n# T').problems).toContain(
      'front matter "status" is not text',
    );
    expect(inline('\uFEFF# T\r\n\r\nStatus: accepted\r\n')).toMatchObject({
      title: 'T',
      status: 'accepted',
    });
  });
});

describe('normaliseAdrStatus', () => {
  it.each([
    ['Accepted', 'accepted'],
    ['approved', 'accepted'],
    ['Done', 'accepted'],
    ['decided', 'accepted'],
    ['**Accepted** on 2021-03-04', 'accepted'],
    ['✅ accepted', 'accepted'],
    ['~~Proposed~~ Accepted', 'accepted'],
    ['draft', 'proposed'],
    ['Proposal', 'proposed'],
    ['PROPOSED', 'proposed'],
    ['declined', 'rejected'],
    ['Rejected', 'rejected'],
    ['obsolete', 'deprecated'],
    ['Deprecated', 'deprecated'],
    ['superseded', 'superseded'],
    ['on hold', 'unknown'],
    ['acceptedish', 'unknown'],
  ])('%s → %s', (written, status) => {
    expect(normaliseAdrStatus(written).status).toBe(status);
  });

  it('names what supersedes: a link target, else the text', () => {
    expect(
      normaliseAdrStatus('Superseded by [5. Use X](0005-use-x.md)')
        .supersededBy,
    ).toBe('0005-use-x.md');
    expect(normaliseAdrStatus('Superceded by ADR-0005').supersededBy).toBe(
      'ADR-0005',
    );
    expect(normaliseAdrStatus('superseded').supersededBy).toBeUndefined();
  });
});

describe('parseAdrDate', () => {
  it.each([
    ['2021-03-04', '2021-03-04'],
    ['2021-3-4', '2021-03-04'],
    ['2021-03-04T10:00', '2021-03-04'],
    ['2021-03-04 10:00:00+02:00', '2021-03-04'],
    ['2021/03/04', '2021-03-04'],
    ['20210304', '2021-03-04'],
    ['04.03.2021', '2021-03-04'],
    ['March 4, 2021', '2021-03-04'],
    ['Mar 4th 2021', '2021-03-04'],
    ['4 March 2021', '2021-03-04'],
    ['Sept. 30, 2021', '2021-09-30'],
    ['`2021-03-04`', '2021-03-04'],
  ])('%s → %s', (written, date) => {
    expect(parseAdrDate(written)).toEqual({ date });
  });

  it('accepts YAML dates and numbers', () => {
    expect(parseAdrDate(new Date('2021-03-04T00:00:00Z'))).toEqual({
      date: '2021-03-04',
    });
    expect(parseAdrDate(20210304)).toEqual({ date: '2021-03-04' });
  });

  it('reports ambiguous and impossible dates', () => {
    expect(parseAdrDate('03/04/2021')).toEqual({
      problem:
        'date "03/04/2021" is ambiguous (day or month first?); write it as YYYY-MM-DD',
    });
    expect(parseAdrDate('2021-02-30')).toEqual({
      problem: 'date "2021-02-30" is not a valid date; write it as YYYY-MM-DD',
    });
    expect(parseAdrDate('last week')).toEqual({
      problem: 'date "last week" is not a date; write it as YYYY-MM-DD',
    });
    expect(parseAdrDate(undefined)).toBeUndefined();
    expect(
      parseAdrDate('{YYYY-MM-DD when the decision was last updated}'),
    ).toBeUndefined();
  });
});
