/**
 * Remembers, across audit runs, when the portal first saw each ADR with
 * status `proposed`, by URL. It dates proposals whose record states no
 * date, so that `adr.stale-proposal` can count from a moment a redeploy does
 * not reset.
 */
export interface AdrFirstSeenStore {
  /**
   * Records the ADRs seen proposed now (those seen before keep their first
   * time) and forgets those seen with any other status, so that a proposal
   * made again later counts afresh. Returns when each proposed URL was
   * first seen.
   */
  observe(options: {
    proposed: string[];
    notProposed: string[];
    now: Date;
  }): Promise<Map<string, Date>>;
}
