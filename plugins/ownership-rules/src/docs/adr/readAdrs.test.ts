import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { DocumentReader, FolderResult, ReadDocument } from '../types';
import { readAdrs } from './readAdrs';

const FOLDER = 'https://github.com/acme/payments/tree/main/docs/adrs';
const FIXTURES = join(__dirname, '__fixtures__');

function fakeReader(result: FolderResult | Error): DocumentReader & {
  readFolder: jest.Mock;
} {
  return {
    resolve: jest.fn(),
    readFile: jest.fn(),
    readFolder: jest.fn(async () => {
      if (result instanceof Error) {
        throw result;
      }
      return result;
    }),
  };
}

const doc = (
  file: string,
  text: string,
  lastModified?: Date,
): ReadDocument => ({
  url: `${FOLDER}/${file}`,
  text,
  ...(lastModified && { lastModified }),
});

/** The fixture folder, in the reader's (unsorted) order. */
function fixtureFolder(): FolderResult {
  const files = readdirSync(FIXTURES)
    .reverse()
    .map(file => doc(file, readFileSync(join(FIXTURES, file), 'utf8')));
  return { status: 'ok', url: FOLDER, files, skipped: [] };
}

describe('readAdrs', () => {
  it('reads every ADR of a folder, sorted by file name, without the README', async () => {
    const reader = fakeReader(fixtureFolder());
    const result = await readAdrs(reader, FOLDER);

    expect(reader.readFolder).toHaveBeenCalledWith(FOLDER, ['.md']);
    expect(result.status).toBe('ok');
    expect(result.adrs.map(a => [a.file, a.status])).toEqual([
      ['0001-record-architecture-decisions.md', 'accepted'],
      ['0002-use-rabbitmq-for-payment-events.md', 'superseded'],
      ['0003-store-ledger-in-postgresql.md', 'accepted'],
      ['0004-use-zipkin-for-tracing.md', 'superseded'],
      ['0005-use-kafka-for-payment-events.md', 'accepted'],
      ['0006-adopt-opentelemetry-tracing.md', 'accepted'],
      ['0007-expose-graphql-gateway.md', 'proposed'],
      ['0008-cache-fx-rates-in-redis.md', 'accepted'],
      ['0009-split-billing-service.md', 'unknown'],
    ]);
    expect(result.adrs[6]).toEqual({
      title: 'Expose a GraphQL gateway for the merchant portal',
      status: 'proposed',
      date: '2026-09-15',
      deciders: ['Dana Whitfield', 'Priya Natarajan'],
      url: `${FOLDER}/0007-expose-graphql-gateway.md`,
      file: '0007-expose-graphql-gateway.md',
    });
  });

  it('prefixes each file problem with the file name', async () => {
    const { problems } = await readAdrs(fakeReader(fixtureFolder()), FOLDER);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^0008-cache-fx-rates-in-redis\.md: front matter line \d+: /,
    );
    expect(problems[1]).toBe(
      '0009-split-billing-service.md: unknown status "On hold until the Q3 reorganisation"; use proposed, accepted, rejected, deprecated or superseded',
    );
  });

  it('links supersession both ways', async () => {
    const { adrs } = await readAdrs(fakeReader(fixtureFolder()), FOLDER);
    const byFile = new Map(adrs.map(a => [a.file.slice(0, 4), a]));
    // Written on both sides (adr-tools).
    expect(byFile.get('0002')!.supersededBy).toBe(
      '0005-use-kafka-for-payment-events.md',
    );
    expect(byFile.get('0005')!.supersedes).toEqual([
      '0002-use-rabbitmq-for-payment-events.md',
    ]);
    // Only "Supersedes" written by 0006: 0004 learns who replaced it.
    expect(byFile.get('0004')!.supersededBy).toBe(
      '0006-adopt-opentelemetry-tracing.md',
    );
    expect(byFile.get('0006')!.supersedes).toEqual([
      '0004-use-zipkin-for-tracing.md',
    ]);
  });

  it('fills supersedes from "superseded by", resolving numbers and titles', async () => {
    const reader = fakeReader({
      status: 'ok',
      url: FOLDER,
      skipped: [],
      files: [
        doc('0001-use-soap.md', '# Use SOAP\n\nStatus: superseded by ADR-3\n'),
        doc(
          '0002-use-xml.md',
          '# Use XML\n\nStatus: Superseded by 3. Use gRPC\n',
        ),
        doc('0003-use-grpc.md', '# 3. Use gRPC\n\n## Status\n\nAccepted\n'),
      ],
    });
    const { adrs, problems } = await readAdrs(reader, FOLDER);
    expect(adrs.map(a => a.supersededBy)).toEqual([
      '0003-use-grpc.md',
      '0003-use-grpc.md',
      undefined,
    ]);
    expect(adrs[2].supersedes).toEqual(['0001-use-soap.md', '0002-use-xml.md']);
    expect(problems).toEqual([]);
  });

  it('reports an accepted ADR that another one supersedes, but not by a mere proposal', async () => {
    const reader = fakeReader({
      status: 'ok',
      url: FOLDER,
      skipped: [],
      files: [
        doc('0001-a.md', '# A\n\nStatus: accepted\n'),
        doc(
          '0002-b.md',
          '# B\n\nStatus: accepted\n\nSupersedes [A](0001-a.md)\n',
        ),
        doc('0003-c.md', '# C\n\nStatus: accepted\n'),
        doc(
          '0004-d.md',
          '# D\n\nStatus: proposed\n\nSupersedes [C](0003-c.md)\n',
        ),
        doc(
          '0005-e.md',
          '# E\n\nStatus: accepted\n\nSupersedes [9. Gone](0009-gone.md)\n\nSupersedes [X](../platform/0001-x.md)\n',
        ),
      ],
    });
    const { adrs, problems } = await readAdrs(reader, FOLDER);
    expect(adrs[0].supersededBy).toBe('0002-b.md');
    expect(adrs[2].supersededBy).toBeUndefined();
    expect(adrs[3].supersedes).toEqual(['0003-c.md']);
    expect(adrs[4].supersedes).toEqual([
      '0009-gone.md',
      '../platform/0001-x.md',
    ]);
    expect(problems).toEqual([
      '0001-a.md: 0002-b.md supersedes it, but its status is accepted',
      '0005-e.md: supersedes "0009-gone.md", which is not an ADR of this folder',
    ]);
  });

  it('skips index, template and non-ADR files, sorts numerically, and reports skipped files', async () => {
    const reader = fakeReader({
      status: 'ok',
      url: FOLDER,
      files: [
        doc('10-use-y.md', '# 10. Use Y\n\n## Status\n\nAccepted\n'),
        doc('2-use-x.md', '# 2. Use X\n\n## Status\n\nAccepted\n'),
        doc('index.md', '# Decisions\n'),
        doc('Template.md', '# {short title}\n\nStatus: {proposed}\n'),
        doc('adr-template.md', '# {short title}\n'),
        doc(
          '0007-use-templates-for-emails.md',
          '# Use templates\n\nStatus: draft\n',
        ),
        doc('notes.md', 'Scratch notes from the design review.\n'),
      ],
      skipped: [
        {
          url: `${FOLDER}/0011-diagram.md`,
          reason: 'larger than 1 MB',
        },
      ],
    });
    const { adrs, problems, status } = await readAdrs(reader, FOLDER);
    expect(status).toBe('ok');
    expect(adrs.map(a => a.file)).toEqual([
      '2-use-x.md',
      '0007-use-templates-for-emails.md',
      '10-use-y.md',
    ]);
    expect(problems).toEqual([
      'notes.md: skipped, it has neither a "# " title nor a status, so it does not look like an ADR',
      '0011-diagram.md: skipped, larger than 1 MB',
    ]);
  });

  it('leaves ADRs that state no date undated, whatever their last-modified date', async () => {
    const reader = fakeReader({
      status: 'ok',
      url: FOLDER,
      skipped: [],
      files: [
        doc(
          '0001-a.md',
          '# A\n\nStatus: proposed\n',
          new Date('2026-08-01T12:00:00Z'),
        ),
      ],
    });
    expect((await readAdrs(reader, FOLDER)).adrs[0].date).toBeUndefined();
  });

  it('passes on a folder that is not configured or unreachable', async () => {
    expect(
      await readAdrs(
        fakeReader({
          status: 'not-configured',
          url: FOLDER,
          reason: 'no integration for github.com',
        }),
        FOLDER,
      ),
    ).toEqual({
      adrs: [],
      problems: [`${FOLDER}: no integration for github.com`],
      status: 'not-configured',
    });
    expect(
      await readAdrs(
        fakeReader({ status: 'unreachable', url: FOLDER, reason: 'not found' }),
        FOLDER,
      ),
    ).toMatchObject({
      status: 'unreachable',
      problems: [`${FOLDER}: not found`],
    });
    expect(
      await readAdrs(fakeReader(new Error('socket hang up')), FOLDER),
    ).toMatchObject({
      status: 'unknown',
      adrs: [],
      problems: [],
      reason: `${FOLDER} could not be read: Error: socket hang up`,
    });
  });

  it('says a folder that could not be read just now is unknown, not a problem', async () => {
    expect(
      await readAdrs(
        fakeReader({ status: 'unknown', url: FOLDER, reason: '503 from host' }),
        FOLDER,
      ),
    ).toEqual({
      adrs: [],
      problems: [],
      status: 'unknown',
      reason: '503 from host',
    });
  });

  it('passes on the stale mark of a folder served from its last good read', async () => {
    const stale = { reason: 'timed out', readAt: '2026-11-20T10:00:00.000Z' };
    const folder = await readAdrs(
      fakeReader({
        status: 'ok',
        url: FOLDER,
        skipped: [],
        files: [doc('0001-a.md', '# A\n\nStatus: accepted\n')],
        stale,
      }),
      FOLDER,
    );
    expect(folder).toMatchObject({ status: 'ok', stale });
    expect(folder.adrs.map(a => a.title)).toEqual(['A']);
  });
});
