import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OnCallContext } from '@ownership-portal/plugin-ownership-node';

type OnCallUser = NonNullable<ReturnType<OnCallContext['userByEmail']>>;

/** A fixture from `src/__fixtures__`, as a calendar tool exports it. */
export function fixture(name: string): string {
  return readFileSync(join(__dirname, '..', '__fixtures__', name), 'utf8');
}

/** A calendar from lines, joined with CRLF as RFC 5545 wants. */
export function calendar(...lines: string[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ownership Portal//Tests//EN',
    ...lines,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** Catalog users; matched by email case-insensitively, like the backend. */
const catalogUsers: OnCallUser[] = [
  ['alice.moreau', 'Alice Moreau'],
  ['dave.okafor', 'Dave Okafor'],
  ['erin.schulz', 'Erin Schulz'],
  ['frank.weber', 'Frank Weber'],
  ['ivan.petrov', 'Ivan Petrov'],
  ['judy.brennan', 'Judy Brennan'],
  ['ken.adams', 'Ken Adams'],
  ['jane.roe', 'Jane Roe (Checkout)'],
  ['omar.haddad', 'Omar Haddad'],
].map(([id, name]) => ({
  entityRef: `user:default/${id}`,
  name,
  email: `${id}@example.com`,
}));

export function onCallContext(now: string): OnCallContext {
  return {
    now: new Date(now),
    userByEmail: email =>
      catalogUsers.find(u => u.email?.toLowerCase() === email.toLowerCase()),
    userByRef: ref => catalogUsers.find(u => u.entityRef === ref),
  };
}

/** The catalog user with this id, as an answer shows them. */
export function user(id: string): OnCallUser {
  const found = catalogUsers.find(u => u.entityRef === `user:default/${id}`);
  if (!found) {
    throw new Error(`no test user ${id}`);
  }
  return found;
}
