import type { Config } from '@backstage/config';
import type {
  RuleDescription,
  Severity,
} from '@ownership-portal/plugin-ownership-common';

/** A catalog entity as read from a YAML document, before any validation. */
export interface EntityDocument {
  apiVersion?: unknown;
  kind?: unknown;
  metadata?: {
    name?: unknown;
    namespace?: unknown;
    title?: unknown;
    description?: unknown;
    annotations?: Record<string, unknown>;
    links?: unknown;
    tags?: unknown;
  } & Record<string, unknown>;
  spec?: Record<string, unknown>;
}

/** Where something is in a file: 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** One entity read from a catalog file, with where its fields are. */
export interface LocatedEntity {
  entity: EntityDocument;
  /** Absolute path of the YAML file. */
  file: string;
  /** Where the entity's document starts. */
  start: Position;
  /**
   * Where a field is, by its path (e.g. `['spec', 'owner']`,
   * `['metadata', 'annotations', 'backstage.io/adr-location']`,
   * `['metadata', 'links', 2]`); the nearest existing parent when the field is
   * absent, else the document's start.
   */
  position(path: Array<string | number>): Position;
}

/** A problem found by a rule, placed in a file. */
export interface LintFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  remediation: string;
  entityRef: string;
  /** Absolute path of the file the entity was read from. */
  file: string;
  line: number;
  column: number;
}

/** A rule that did not run, and why (e.g. "needs the catalog"). */
export interface SkippedRule {
  ruleId: string;
  reason: string;
}

/** What linting a set of entities found. */
export interface LintReport {
  findings: LintFinding[];
  skipped: SkippedRule[];
  /** Every rule with its effective configuration, for SARIF's rule list. */
  rules: RuleDescription[];
  /** How many entities were checked. */
  entities: number;
}

/** Reads the catalog of a live portal, for the rules that need it. */
export interface LintCatalog {
  /** The entity with this full ref, or undefined when the catalog has none (a definite 404). */
  getEntity(ref: string): Promise<EntityDocument | undefined>;
  /** The portal's on-call answer for an entity ref, as GET /api/ownership/oncall/{kind}/{namespace}/{name} returns it; undefined on 404. */
  getOnCall(ref: string): Promise<unknown | undefined>;
}

/** What {@link LintEntities} needs besides the entities. */
export interface LintOptions {
  /**
   * Rule settings in the shape of app-config's `ownership.rules`
   * (i.e. `{ ownership: { rules: … } }` at the root).
   */
  config: Config;
  now: Date;
  /** Absolute path of the repository root; relative document paths resolve from each entity's file. */
  root: string;
  catalog?: LintCatalog;
  /**
   * Where warnings that are not findings go (e.g. a rule that failed to run);
   * the CLI writes them to its stderr as `warning: <message>`. Optional: when
   * absent, write them to `process.stderr`.
   */
  warn?: (message: string) => void;
}

/** Lints entities with the portal's own rules (implemented in `lintEntities.ts`). */
export type LintEntities = (
  entities: LocatedEntity[],
  options: LintOptions,
) => Promise<LintReport>;
