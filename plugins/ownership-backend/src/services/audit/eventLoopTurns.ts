import { setImmediate as nextTurn } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';

/** The longest stretch of audit work between two turns of the event loop. */
const SLICE_MS = 8;

/**
 * Lets waiting requests in between slices of CPU-bound work. Work whose
 * awaits all resolve at once (local on-call answers, cached documents) runs
 * as one chain of microtasks, which holds every incoming request until it
 * ends; `maybeYield` ends a slice once it has run for about 8 ms.
 */
export function eventLoopTurns(now: () => number = () => performance.now()) {
  let sliceStart = now();
  return {
    async maybeYield(): Promise<void> {
      if (now() - sliceStart >= SLICE_MS) {
        await nextTurn();
        sliceStart = now();
      }
    },
  };
}
