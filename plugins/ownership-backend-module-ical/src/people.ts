import type ICAL from 'ical.js';
import { param, text } from './values';

type Component = InstanceType<typeof ICAL.Component>;

/** Someone named by an event, before mapping to the catalog. */
export interface FeedPerson {
  /** Lower-case email, when the event gives one. */
  email?: string;
  /** The `CN` of an attendee or organizer, or the event's SUMMARY. */
  name?: string;
}

const LEVEL_MARKERS: Array<[RegExp, (m: RegExpMatchArray) => number]> = [
  [/\b(?:level|lvl|tier)[\s_-]*(\d{1,2})\b/i, m => Number(m[1])],
  [/\bL([1-9])\b/i, m => Number(m[1])],
  [/\b(?:primary)\b/i, () => 1],
  [/\b(?:secondary|backup)\b/i, () => 2],
  [/\b(?:tertiary)\b/i, () => 3],
];

/**
 * The escalation level an event names in its SUMMARY or CATEGORIES:
 * `level 2`, `lvl-2`, `tier 2`, `L2`, `secondary`/`backup` (2),
 * `tertiary` (3), `primary` (1); else 1.
 */
export function levelOf(summary: string | undefined, categories: string[]) {
  for (const source of [summary ?? '', ...categories]) {
    for (const [pattern, level] of LEVEL_MARKERS) {
      const match = source.match(pattern);
      if (match) {
        const value = level(match);
        if (value >= 1) {
          return value;
        }
      }
    }
  }
  return 1;
}

/** A whole email address; anchored, so that it runs in linear time. */
const EMAIL =
  /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

function asEmail(candidate: string | undefined): string | undefined {
  const address = candidate
    ?.trim()
    .replace(/^mailto:/i, '')
    .replace(/\.+$/, '');
  return address && address.length <= 254 && EMAIL.test(address)
    ? address.toLowerCase()
    : undefined;
}

/** The first email address in free text, such as a SUMMARY. */
function findEmail(source: string | undefined): string | undefined {
  if (!source?.includes('@')) {
    return undefined;
  }
  for (const token of source.split(/[\s<>()[\]{}"',;:]+/)) {
    const email = token.includes('@') ? asEmail(token) : undefined;
    if (email) {
      return email;
    }
  }
  return undefined;
}

function personOf(property: {
  getFirstValue(): unknown;
  getParameter(name: string): unknown;
}): FeedPerson | undefined {
  const email =
    asEmail(String(property.getFirstValue() ?? '')) ??
    asEmail(param(property, 'email'));
  if (!email) {
    return undefined;
  }
  return { email, name: param(property, 'cn') };
}

/**
 * Who an event puts on call: its attendees (all of them, at the event's
 * level), else its organizer, else the first email in SUMMARY or DESCRIPTION
 * (named by the SUMMARY when that holds no address), else the SUMMARY as a
 * name. Attendees who declined, non-participants, rooms and
 * resources are left out, and so is the organizer when listed among other
 * attendees (calendar tools often add the event's creator).
 */
export function peopleOf(component: Component): FeedPerson[] {
  const organizerProperty = component.getFirstProperty('organizer');
  const organizer = organizerProperty ? personOf(organizerProperty) : undefined;

  const attendees: FeedPerson[] = [];
  for (const property of component.getAllProperties('attendee')) {
    const partstat = param(property, 'partstat')?.toUpperCase();
    const role = param(property, 'role')?.toUpperCase();
    const cutype = param(property, 'cutype')?.toUpperCase();
    if (
      partstat === 'DECLINED' ||
      role === 'NON-PARTICIPANT' ||
      cutype === 'ROOM' ||
      cutype === 'RESOURCE'
    ) {
      continue;
    }
    const person = personOf(property);
    if (person && !attendees.some(a => a.email === person.email)) {
      attendees.push(person);
    }
  }
  const others = attendees.filter(a => a.email !== organizer?.email);
  if (others.length) {
    return others;
  }
  if (attendees.length) {
    return attendees;
  }
  if (organizer) {
    return [organizer];
  }
  const summary = text(component.getFirstPropertyValue('summary'));
  for (const source of [
    summary,
    text(component.getFirstPropertyValue('description')),
  ]) {
    const email = findEmail(source);
    if (email) {
      // A SUMMARY without the address is likely the person's name.
      const name = summary && !summary.includes('@') ? summary : undefined;
      return [{ email, ...(name ? { name } : {}) }];
    }
  }
  return summary ? [{ name: summary }] : [];
}

/** The CATEGORIES of an event, all values of all its CATEGORIES lines. */
export function categoriesOf(component: Component): string[] {
  return component
    .getAllProperties('categories')
    .flatMap(property => property.getValues())
    .map(value => String(value));
}
