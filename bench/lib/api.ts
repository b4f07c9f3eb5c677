import { performance } from 'node:perf_hooks';
import {
  FIELDS,
  PAGE_SIZE,
} from '../../plugins/ownership-backend/src/services/ingest/CatalogReader';

/** Calls a running backend as the benchmark's clients do. */
export class BenchApi {
  constructor(readonly baseUrl: string, private readonly token: string) {}

  /** A user token from the guest provider, as the app's sign-in gets one. */
  static async guestToken(baseUrl: string): Promise<string> {
    const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    if (!res.ok) {
      throw new Error(
        `Guest sign-in answered ${res.status}: ${await res.text()}`,
      );
    }
    const body = (await res.json()) as {
      backstageIdentity: { token: string };
    };
    return body.backstageIdentity.token;
  }

  async json<T>(path: string, init?: RequestInit): Promise<T> {
    const request = () =>
      fetch(`${this.baseUrl}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${this.token}`, ...init?.headers },
      });
    let res: Response;
    try {
      res = await request();
    } catch (error) {
      // A kept-alive socket the server closed just then; a read may go again.
      if (init?.method && init.method !== 'GET') {
        throw error;
      }
      res = await request();
    }
    if (res.status >= 500 && (!init?.method || init.method === 'GET')) {
      // Logged, not hidden: the backend failed a read; a poll may ask again.
      console.warn(
        `${path} answered ${res.status}: ${await res.text()}; asking again`,
      );
      res = await request();
    }
    if (!res.ok) {
      throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    }
    return (await res.json()) as T;
  }

  /** How many entities of these kinds the catalog holds now. */
  async catalogCount(kinds: string[]): Promise<number> {
    const filter = kindFilter(kinds);
    const body = await this.json<{ totalItems: number }>(
      `/api/catalog/entities/by-query?filter=${encodeURIComponent(
        filter,
      )}&limit=1&fields=kind`,
    );
    return body.totalItems;
  }

  /** Waits until the catalog holds `expected` entities of `kinds`. */
  async waitForCatalog(
    kinds: string[],
    expected: number,
    timeoutMs: number,
    onProgress: (count: number) => void,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const count = await this.catalogCount(kinds);
      onProgress(count);
      if (count >= expected) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `The catalog held ${count} of ${expected} ${kinds.join(
            ', ',
          )} entities after ${timeoutMs} ms`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 5000));
    }
  }

  /**
   * Starts an audit run and resolves with its duration once it has
   * succeeded. The lookup index of the run is built after that, in the
   * background; callers that time the next audit wait for it first
   * ({@link BenchApi.waitForLookupIndex}).
   */
  async audit(): Promise<{ runId: number; ms: number; total: number }> {
    const started = performance.now();
    const run = await this.startRun();
    for (;;) {
      const latest = await this.json<{
        status: string;
        total: number;
        error?: string;
      }>(`/api/ownership/runs/${run.id}`);
      if (latest.status === 'succeeded') {
        return {
          runId: run.id,
          ms: performance.now() - started,
          total: latest.total,
        };
      }
      if (latest.status !== 'running') {
        throw new Error(
          `Audit run ${run.id} ${latest.status}: ${latest.error}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  }

  /**
   * Starts a run. The last run's follow-up work (retention, the lookup
   * index of its results) still holds the runner for a moment after the run
   * reads as succeeded; its 409 is waited out.
   */
  private async startRun(): Promise<{ id: number }> {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const res = await fetch(`${this.baseUrl}/api/ownership/runs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}` },
      });
      if (res.ok) {
        return (await res.json()) as { id: number };
      }
      if (res.status !== 409 || Date.now() > deadline) {
        throw new Error(
          `POST /runs answered ${res.status}: ${await res.text()}`,
        );
      }
      await res.arrayBuffer();
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  }

  /** Waits until the lookup answers from the index of run `runId`. */
  async waitForLookupIndex(runId: number, query: string): Promise<void> {
    const deadline = Date.now() + 300_000;
    for (;;) {
      const answer = await this.json<{ runId?: number }>(
        `/api/ownership/lookup?q=${encodeURIComponent(query)}`,
      );
      if (answer.runId === runId) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `The lookup still answered from run ${answer.runId}, not ${runId}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }

  /**
   * Reads what an audit reads (its kinds, Groups and Users) page by page
   * with the audit's fields and page size, and nothing else: the floor of
   * an audit's catalog read.
   */
  async bareCatalogRead(
    auditedKinds: string[],
  ): Promise<{ ms: number; entities: number }> {
    const started = performance.now();
    const counts = await Promise.all([
      this.readAll(auditedKinds, FIELDS.audited),
      this.readAll(['Group'], FIELDS.groups),
      this.readAll(['User'], FIELDS.users),
    ]);
    return {
      ms: performance.now() - started,
      entities: counts.reduce((a, b) => a + b, 0),
    };
  }

  private async readAll(kinds: string[], fields: string[]): Promise<number> {
    let count = 0;
    let cursor: string | undefined;
    const filter = `filter=${encodeURIComponent(kindFilter(kinds))}`;
    const projection = `fields=${encodeURIComponent(
      fields.join(','),
    )}&limit=${PAGE_SIZE}`;
    do {
      const page = await this.json<{
        items: unknown[];
        pageInfo: { nextCursor?: string };
      }>(
        `/api/catalog/entities/by-query?${
          cursor ? `cursor=${encodeURIComponent(cursor)}` : filter
        }&${projection}`,
      );
      count += page.items.length;
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return count;
  }
}

/** A catalog filter for any of `kinds` (one filter set, the key repeated: any of its values). */
function kindFilter(kinds: string[]): string {
  return kinds.map(kind => `kind=${kind}`).join(',');
}
