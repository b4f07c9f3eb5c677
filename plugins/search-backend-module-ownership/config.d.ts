import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /**
       * The Ownership Portal's search collator: one document per audited
       * entity of the latest ownership audit run.
       */
      ownership?: {
        /**
         * When the index is rebuilt.
         * @default \{ frequency: \{ minutes: 10 \}, timeout: \{ minutes: 15 \}, initialDelay: \{ seconds: 3 \} \}
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Entities asked of the ownership API per request (1 to 200).
         * @default 100
         */
        pageSize?: number;
        /** Timeout of each HTTP attempt, in milliseconds. @default 10000 */
        timeoutMs?: number;
        /**
         * Attempts per page in all, the first included; 429 and 5xx answers,
         * timeouts and dropped connections are tried again with backoff.
         * @default 4
         */
        maxAttempts?: number;
      };
    };
  };
}
