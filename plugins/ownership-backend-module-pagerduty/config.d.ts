export interface Config {
  ownership?: {
    oncall?: {
      /**
       * The PagerDuty on-call provider. Without a token it is off.
       */
      pagerduty?: {
        /**
         * A PagerDuty REST API key (read-only is enough), sent as
         * `Authorization: Token token=<token>`.
         * @visibility secret
         */
        token: string;
        /**
         * The REST API's base URL; EU accounts use `https://api.eu.pagerduty.com`.
         * @default https://api.pagerduty.com
         */
        baseUrl?: string;
        /**
         * The account's web address, e.g. `https://acme.pagerduty.com`, for
         * links to schedules and escalation policies when PagerDuty gives none.
         */
        webUrl?: string;
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
