import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the Ownership Portal. */
  ownership?: {
    /** What the audit covers. */
    scope?: {
      /**
       * Entity kinds to audit.
       * @default ["Component", "System", "API", "Resource"]
       */
      kinds?: string[];
      /**
       * Component types that need on-call and runbooks.
       * @default ["service", "website"]
       */
      operationalTypes?: string[];
    };
    /** How owners are resolved. */
    owners?: {
      /**
       * Owner values that mean "nobody" and raise `owner.missing`, compared
       * case-insensitively with the whole value and with the name part of a ref.
       * @default ["unknown", "tbd", "todo", "none", "n/a", "unowned"]
       */
      placeholders?: string[];
    };
    /**
     * Per-rule settings, by rule id: `ownership.rules.<category>.<name>`,
     * e.g. `ownership.rules.owner.individual.severity: info`.
     */
    rules?: {
      [category: string]: {
        [name: string]: {
          /** Whether the rule runs at all. @default true */
          enabled?: boolean;
          /** Severity of the rule's findings: error, warning or info. */
          severity?: 'error' | 'warning' | 'info';
          /**
           * Severity per `spec.lifecycle`, or `skip`. Operational rules
           * (`oncall.*`, `runbook.*`, `adr.*`) default to error for production,
           * info for experimental and skip for deprecated.
           */
          lifecycles?: {
            [lifecycle: string]: 'error' | 'warning' | 'info' | 'skip';
          };
          /** Rule-specific thresholds, e.g. `maxAgeDays`. */
          [threshold: string]: unknown;
        };
      };
    };
    /**
     * When audits run. One replica runs each scheduled audit. When the
     * `timeout` passes, the scheduler stops the run, which then fails.
     * @default { frequency: { minutes: 30 }, timeout: { minutes: 30 }, initialDelay: { seconds: 15 } }
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /**
     * How audit runs are supervised. One run at a time across all replicas;
     * a running run records a heartbeat while its process is alive.
     */
    runs?: {
      /**
       * A running run whose last heartbeat is older than this was abandoned
       * by a stopped process: it is marked failed and the next run may
       * start. Heartbeats are sent every quarter of the lease.
       * @default { minutes: 2 }
       */
      lease?: HumanDuration | string;
      /**
       * A run still going this long after it started fails, and the next
       * run may start.
       * @default { minutes: 30 }
       */
      deadline?: HumanDuration | string;
      /**
       * The longest wait for one page of entities from the catalog; a
       * catalog that does not answer in time fails the run.
       * @default { minutes: 1 }
       */
      catalogPageTimeout?: HumanDuration | string;
    };
    /** Where runbooks, ADRs and debt registers are read from. */
    docs?: {
      /**
       * Folders from which `file:` locations may be read (relative paths
       * resolve against the backend's working directory). Anything outside
       * them, `..` escapes and symbolic links pointing out included, is
       * refused and reported as `runbook.unreachable`. Remote locations are
       * read through the UrlReader, so `backend.reading.allow` and the
       * integrations govern them.
       * @default []
       */
      localRoots?: string[];
      /** Largest document read, in bytes. @default 1048576 */
      maxBytes?: number;
      /** Most files read from one folder. @default 200 */
      maxFiles?: number;
      /** Documents read at once. @default 8 */
      concurrency?: number;
      /** How long remote documents are cached (with their ETag). @default { minutes: 10 } */
      cacheTtl?: HumanDuration | string;
      /**
       * How long a definite answer about a remote document or folder (its
       * text, or a 404/410) is reused without asking its host; after that it
       * is revalidated with its ETag. A timeout or 5xx is never remembered as
       * absence. `0s` asks every time.
       * @default { minutes: 5 }
       */
      freshFor?: HumanDuration | string;
      /** Timeout of each read of a remote document, in milliseconds. @default 20000 */
      timeoutMs?: number;
      /** Attempts per remote read, the first included. @default 3 */
      maxAttempts?: number;
      /** Consecutive failed reads of one host that open its circuit breaker. @default 5 */
      breakerThreshold?: number;
      /** How long an open breaker pauses reads of its host, in milliseconds. @default 30000 */
      halfOpenAfterMs?: number;
    };
    /** On-call. */
    oncall?: {
      /**
       * How long answers of remote providers (PagerDuty, calendars) are
       * reused, in the cache shared by all replicas. The last known answer is
       * kept for 7 days beside it, to serve as stale while a provider is down.
       * @default { minutes: 1 }
       */
      cacheTtl?: HumanDuration | string;
      /**
       * Rotations kept in config, answered by the built-in `static` provider.
       * A rotation with a bad value is reported at start-up with the path of
       * the key and left out; the others keep working.
       */
      rotations?: Array<{
        /** Unique id; the `ownership-portal/oncall-rotation` annotation names it. */
        id: string;
        /** The owning team's Group ref, full or short. Services of the team use this rotation. */
        team?: string;
        /** IANA time zone, e.g. `Europe/Berlin`; shifts keep their local hand-off time across DST. */
        timezone: string;
        /** Local start of the first shift, without offset, e.g. `2026-01-05T09:00`. */
        start: string;
        /** ISO-8601 duration of a shift, e.g. `P7D` or `PT12H`. */
        shift: string;
        /** User refs in shift order. */
        members: string[];
        /** Local time after which nobody is on call. */
        end?: string;
        /** Replacements in local time; without `member` the time is explicitly uncovered. */
        overrides?: Array<{ from: string; to: string; member?: string }>;
        /** Who is paged after whom: another rotation, or users and groups. */
        escalation?: Array<{
          after: string;
          rotation?: string;
          targets?: string[];
        }>;
      }>;
    };
    /** How long stored runs are kept. */
    retention?: {
      /** Keep every run this long. @default { days: 14 } */
      keepAll?: HumanDuration | string;
      /** Beyond that, keep the last successful run of each day this long. @default { days: 400 } */
      keepDaily?: HumanDuration | string;
    };
    /** Audit campaigns: reminders, closing and how often they are looked at. */
    campaigns?: {
      /** Notifications to the owning teams of an open campaign. */
      reminders?: {
        /**
         * Days before the due date at which teams that still have unanswered
         * items are reminded, e.g. `[7, 1]`; fractions are allowed (`0.5` is
         * 12 hours). When several have passed since the last look, only the
         * nearest is sent. An empty list sends none.
         * @default [7, 1]
         */
        offsetsDays?: number[];
      };
      /**
       * Grace period: an open campaign closes by itself this long after its
       * due date, e.g. `{ days: 14 }` or `14d`. Zero closes it at the due date.
       * @default { days: 14 }
       */
      closeAfterDue?: HumanDuration | string;
      /** The campaign tick: opening, reminders and closing, one replica at a time. */
      schedule?: {
        /**
         * How often the tick runs, e.g. `{ minutes: 5 }` or `5m`; at least
         * one second.
         * @default { minutes: 5 }
         */
        frequency?: HumanDuration | string;
      };
      /**
       * Campaigns the backend creates by itself, e.g. an example
       * organisation's. Each is created once (its `key` makes creating it
       * again a no-op across restarts and replicas) after the first audit run
       * that found entities, opened then if its opening time has passed, and
       * its `answers` are recorded once each, in order, without permission
       * checks. Answers that cannot be recorded (an entity outside the
       * campaign, a closed campaign) are logged and skipped.
       */
      seed?: Array<{
        /** Stable identifier of the seed; change it to create a new campaign. */
        key: string;
        /** Title shown to every attester, e.g. `Q1 2027 ownership review`. */
        title: string;
        /** Markdown shown to every attester. @default "" */
        instructions?: string;
        /**
         * Which audited entities the campaign covers: those matching every
         * key of `include` and not `exclude`. `teams` are Group refs and
         * cover their sub-groups unless `includeSubgroups` is false.
         * @default {} (everything the audit covers)
         */
        scope?: {
          include?: {
            kinds?: string[];
            lifecycles?: string[];
            systems?: string[];
            teams?: string[];
          };
          exclude?: {
            kinds?: string[];
            lifecycles?: string[];
            systems?: string[];
            teams?: string[];
          };
          includeSubgroups?: boolean;
        };
        /**
         * When it opens: an ISO date-time, or a signed ISO 8601 duration from
         * the moment of seeding, e.g. `-P20D` (20 days ago) or `P1D`.
         */
        opensAt: string;
        /** When it is due, in the same forms as `opensAt`, e.g. `P14D`. */
        dueAt: string;
        /** User ref of its creator, who is told when every item is answered. */
        createdBy: string;
        /** Answers recorded once the campaign is open. */
        answers?: Array<{
          /** Full ref of the entity, e.g. `component:default/checkout-api`. */
          entity: string;
          /** `confirm`, `transfer`, `not-ours` or `retire`. */
          answer: 'confirm' | 'transfer' | 'not-ours' | 'retire';
          /** User ref of who answered. */
          by: string;
          /** Full Group ref of the new owner, for `transfer`. */
          transferTo?: string;
          /** Why it is not ours; give one with `not-ours`. */
          reason?: string;
          /** Optional comment. */
          comment?: string;
        }>;
      }>;
    };
  };
}
