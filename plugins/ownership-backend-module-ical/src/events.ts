import ICAL from 'ical.js';
import { DAY_MS } from '@ownership-portal/plugin-ownership-node';
import { categoriesOf, levelOf, peopleOf, type FeedPerson } from './people';
import { countSteps, RecurrenceStepsExceededError } from './recurrenceSteps';
import { errorMessage, text } from './values';
import { nominalDuration, type TimeReader, tzidOf } from './zones';

type Component = InstanceType<typeof ICAL.Component>;
type Event = InstanceType<typeof ICAL.Event>;
type Time = InstanceType<typeof ICAL.Time>;

/** One occurrence of an event, with recurrence expanded. */
export interface FeedShift {
  from: Date;
  to: Date;
  /** Escalation level, from markers in SUMMARY or CATEGORIES; 1 by default. */
  level: number;
  /** Who is on call; never empty. */
  people: FeedPerson[];
  summary?: string;
}

/**
 * How much work one feed may cause, so that a hostile or runaway feed cannot
 * hold the backend: recurrence is expanded from each event's start, one
 * candidate date at a time.
 */
export interface FeedLimits {
  /** Events (VEVENTs, overrides included) read; later ones are left out. */
  maxEvents: number;
  /**
   * Recurrence steps for the whole feed: every occurrence expanded and every
   * candidate date a rule tries counts one. When they are used up, the
   * remaining recurring events are not expanded.
   */
  maxOccurrences: number;
  /** Occurrences of one event, before the window ends. */
  maxOccurrencesPerEvent: number;
  /** Recurrence steps of one event; bounds rules that match no date at all. */
  maxStepsPerEvent: number;
}

/** The limits {@link readShifts} applies unless told otherwise. */
export const DEFAULT_FEED_LIMITS: FeedLimits = {
  maxEvents: 10_000,
  maxOccurrences: 100_000,
  maxOccurrencesPerEvent: 10_000,
  maxStepsPerEvent: 20_000,
};

function isCancelled(component: Component): boolean {
  return (
    String(component.getFirstPropertyValue('status') ?? '').toUpperCase() ===
    'CANCELLED'
  );
}

/**
 * The shifts of a calendar's events that overlap `[from, to)`: recurring
 * events expanded (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides),
 * cancelled events and occurrences left out, never more work than `limit`
 * allows. Events that could not be read are listed in `skipped`, what the
 * limits left unread in `truncated`.
 */
export function readShifts(
  calendar: Component,
  times: TimeReader,
  window: { from: Date; to: Date },
  limit: FeedLimits,
): { shifts: FeedShift[]; skipped: string[]; truncated: string[] } {
  const windowFrom = window.from.getTime();
  const windowTo = window.to.getTime();
  const shifts: FeedShift[] = [];
  const skipped: string[] = [];
  const truncated: string[] = [];

  /** `endFromStart`: the end was computed from the start, in its zone. */
  const add = (
    start: Time,
    end: Time,
    component: Component,
    endFromStart = false,
  ) => {
    if (isCancelled(component)) {
      return;
    }
    const startTzid = tzidOf(component, 'dtstart');
    const from = times.epoch(start, startTzid);
    const to = times.epoch(
      end,
      endFromStart ? startTzid : tzidOf(component, 'dtend') ?? startTzid,
    );
    if (to <= from || to <= windowFrom || from >= windowTo) {
      return;
    }
    const people = peopleOf(component);
    if (!people.length) {
      return;
    }
    const summary = text(component.getFirstPropertyValue('summary'));
    shifts.push({
      from: new Date(from),
      to: new Date(to),
      level: levelOf(summary, categoriesOf(component)),
      people,
      summary,
    });
  };

  const allEvents = calendar.getAllSubcomponents('vevent');
  const vevents = allEvents.slice(0, limit.maxEvents);
  if (allEvents.length > vevents.length) {
    truncated.push(
      `the feed has ${allEvents.length} events; only the first ${vevents.length} were read`,
    );
  }
  const overrides = new Map<string, Component[]>();
  const masters: Component[] = [];
  for (const vevent of vevents) {
    const uid = text(vevent.getFirstPropertyValue('uid')) ?? '';
    if (vevent.hasProperty('recurrence-id')) {
      overrides.set(uid, [...(overrides.get(uid) ?? []), vevent]);
    } else {
      masters.push(vevent);
    }
  }
  const masterUids = new Set(
    masters.map(m => text(m.getFirstPropertyValue('uid')) ?? ''),
  );

  const describe = (component: Component, error: unknown) =>
    `${text(component.getFirstPropertyValue('summary')) ?? 'an event'} (${
      text(component.getFirstPropertyValue('uid')) ?? 'no UID'
    }): ${errorMessage(error)}`;

  /** Expands one recurring event; returns how many occurrences it read. */
  const expand = (component: Component, event: Event): number => {
    const duration = nominalDuration(event);
    const startTzid = tzidOf(component, 'dtstart');
    // Occurrences that end well before the window are skipped without
    // looking them up, unless an override may have moved them.
    const reach = duration.toSeconds() * 1000 + DAY_MS;
    const overridden = new Set(
      Object.values(event.exceptions).map(override =>
        times.epoch(
          override.recurrenceId,
          tzidOf(override.component, 'recurrence-id'),
        ),
      ),
    );
    const ranged = event.rangeExceptions.length > 0;
    const iterator = event.iterator();
    let last: Time | undefined;
    let expanded = 0;
    for (; expanded < limit.maxOccurrencesPerEvent; expanded++) {
      const occurrence = iterator.next();
      if (!occurrence) {
        break;
      }
      const at = times.epoch(occurrence, startTzid);
      if (at >= windowTo) {
        last = occurrence;
        break;
      }
      if (at + reach < windowFrom && !ranged && !overridden.has(at)) {
        continue;
      }
      const details = event.getOccurrenceDetails(occurrence);
      if (details.item === event) {
        const end = occurrence.clone();
        end.addDuration(duration);
        add(occurrence, end, component, true);
      } else {
        add(details.startDate, details.endDate, details.item.component);
      }
    }
    if (expanded >= limit.maxOccurrencesPerEvent) {
      skipped.push(
        describe(
          component,
          `stopped expanding its recurrence after ${limit.maxOccurrencesPerEvent} occurrences`,
        ),
      );
    }
    // Overrides of later occurrences that were moved into the window.
    if (last) {
      for (const override of Object.values(event.exceptions)) {
        if (override.recurrenceId.compare(last) >= 0) {
          add(override.startDate, override.endDate, override.component);
        }
      }
    }
    return expanded;
  };

  let stepsLeft = limit.maxOccurrences;
  let unexpanded = 0;
  for (const component of masters) {
    try {
      if (isCancelled(component)) {
        continue;
      }
      if (!component.hasProperty('dtstart')) {
        throw new Error('no DTSTART');
      }
      const uid = text(component.getFirstPropertyValue('uid')) ?? '';
      // Relate only this series' overrides: by default ical.js relates every
      // override in the calendar, whatever its UID.
      const event = new ICAL.Event(component, {
        strictExceptions: true,
        exceptions: overrides.get(uid) ?? [],
      });
      if (!event.isRecurring()) {
        add(event.startDate, event.endDate, component);
        continue;
      }
      if (stepsLeft <= 0) {
        unexpanded++;
        continue;
      }
      const allowed = Math.min(limit.maxStepsPerEvent, stepsLeft);
      try {
        const { value: expanded, steps } = countSteps(allowed, () =>
          expand(component, event),
        );
        // RDATEs take no rule steps, but each occurrence is work all the same.
        stepsLeft -= Math.max(steps, expanded);
      } catch (error) {
        if (!(error instanceof RecurrenceStepsExceededError)) {
          throw error;
        }
        stepsLeft -= allowed;
        if (allowed < limit.maxStepsPerEvent) {
          unexpanded++;
        } else {
          skipped.push(describe(component, error));
        }
      }
    } catch (error) {
      skipped.push(describe(component, error));
    }
  }
  if (unexpanded) {
    truncated.push(
      `the feed's budget of ${limit.maxOccurrences} recurrence steps was used up; ${unexpanded} recurring event(s) were not expanded, or only in part`,
    );
  }

  // Overrides whose series is not in the feed stand on their own.
  for (const [uid, components] of overrides) {
    if (masterUids.has(uid)) {
      continue;
    }
    for (const component of components) {
      try {
        const event = new ICAL.Event(component);
        add(event.startDate, event.endDate, component);
      } catch (error) {
        skipped.push(describe(component, error));
      }
    }
  }

  return { shifts, skipped, truncated };
}
