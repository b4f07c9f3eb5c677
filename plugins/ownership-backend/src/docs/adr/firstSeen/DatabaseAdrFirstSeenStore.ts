import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type { AdrFirstSeenStore } from './AdrFirstSeenStore';

const TABLE = 'ownership_adr_first_seen';
/** Rows read or written per statement, well under SQLite's 999 variables. */
const BATCH = 300;

type Row = { url_hash: string; url: string; first_seen_at: Date | string };

function hashOf(url: string): string {
  return createHash('sha256').update(url).digest('hex');
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) {
    out.push(items.slice(i, i + BATCH));
  }
  return out;
}

/** {@link AdrFirstSeenStore} in the plugin's database (`ownership_adr_first_seen`). */
export class DatabaseAdrFirstSeenStore implements AdrFirstSeenStore {
  static create(options: { client: Knex }): DatabaseAdrFirstSeenStore {
    return new DatabaseAdrFirstSeenStore(options.client);
  }

  private constructor(private readonly client: Knex) {}

  async observe(options: {
    proposed: string[];
    notProposed: string[];
    now: Date;
  }): Promise<Map<string, Date>> {
    const proposed = [...new Set(options.proposed)];
    const notProposed = [...new Set(options.notProposed)].filter(
      url => !proposed.includes(url),
    );
    for (const batch of chunks(notProposed)) {
      await this.client(TABLE).whereIn('url_hash', batch.map(hashOf)).delete();
    }
    const seen = new Map<string, Date>();
    for (const batch of chunks(proposed)) {
      // Concurrent runs may insert the same URL: the first one wins.
      await this.client(TABLE)
        .insert(
          batch.map(url => ({
            url_hash: hashOf(url),
            url,
            first_seen_at: options.now,
          })),
        )
        .onConflict('url_hash')
        .ignore();
      const rows: Row[] = await this.client(TABLE)
        .whereIn('url_hash', batch.map(hashOf))
        .select('url_hash', 'url', 'first_seen_at');
      for (const row of rows) {
        seen.set(row.url, new Date(row.first_seen_at));
      }
    }
    return seen;
  }
}
