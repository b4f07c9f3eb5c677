import type { HumanDuration } from '@backstage/types';

export interface Config {
  ownership?: {
    techdebt?: {
      /**
       * Open GitHub issues with a label as tech debt, for entities with
       * `github.com/project-slug`. Hosts, API URLs and credentials come from
       * `integrations.github`.
       */
      github?: {
        /** Issues with this label are tech debt. @default tech-debt */
        label?: string;
        /**
         * How long a repository's issues are kept before GitHub is asked
         * again: a duration such as `10m`, `PT10M` or `{ minutes: 10 }`.
         * After it, a one-page listing is asked with its ETag, and a 304
         * reuses its issues. `0` asks every time.
         * @default 10 minutes
         */
        cacheTtl?: string | HumanDuration;
        /** Pages of 100 issues read per repository at most. @default 10 */
        maxPages?: number;
        /**
         * Host of the repositories of entities whose `backstage.io/source-location`
         * is not on a GitHub integration's host. @default github.com
         */
        host?: string;
        /** Timeout of each HTTP attempt, in milliseconds. @default 5000 */
        timeoutMs?: number;
        /** Attempts per call in all, the first included. @default 3 */
        maxAttempts?: number;
        /** Consecutive failed calls that pause all calls. @default 5 */
        breakerThreshold?: number;
        /** How long calls pause after that, in milliseconds. @default 30000 */
        halfOpenAfterMs?: number;
        /** Calls in flight at once. @default 4 */
        concurrency?: number;
      };
    };
  };
}
