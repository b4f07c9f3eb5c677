import type { LocatedEntity, Position } from '../lint/types';

/** Something discovery noticed that is not an entity but is worth saying. */
export interface DiscoveryNote extends Position {
  /** Absolute path of the file. */
  file: string;
  message: string;
}

/** A Location target that was not followed, and why (e.g. a URL). */
export interface SkippedTarget extends Position {
  /** Absolute path of the file holding the Location. */
  file: string;
  target: string;
  reason: string;
}

/** What discovery found under the paths it was given. */
export interface DiscoveryResult {
  entities: LocatedEntity[];
  /** Absolute paths of every catalog file read, in reading order. */
  files: string[];
  skippedTargets: SkippedTarget[];
  notes: DiscoveryNote[];
}
