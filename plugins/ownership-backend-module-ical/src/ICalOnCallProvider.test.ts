import { Readable } from 'node:stream';
import { mockServices } from '@backstage/backend-test-utils';
import type { OnCallSubject } from '@ownership-portal/plugin-ownership-node';
import { feedKey, feedLabel } from './feedLabel';
import { ICalOnCallProvider } from './ICalOnCallProvider';
import {
  calendar,
  fixture,
  onCallContext,
  user,
} from './__testUtils__/fixtures';

const GOOGLE = 'https://calendar.example.com/calendar/ical/payments/basic.ics';
const OUTLOOK =
  'https://outlook.example.com/owa/calendar/abc/def/reachcalendar.ics';
const OPSGENIE =
  'https://opsgenie.example.com/webcal/checkout_schedule.ics?token=secret';

function feeds(texts: Record<string, string | Buffer>) {
  const readUrl = jest.fn(async (url: string) => {
    const body = texts[url];
    if (body === undefined) {
      throw new Error(`no feed at ${url}`);
    }
    return { buffer: async () => Buffer.from(body) };
  });
  return { reader: mockServices.urlReader.mock({ readUrl }), readUrl };
}

function provider(texts: Record<string, string | Buffer>, maxBytes?: number) {
  const { reader, readUrl } = feeds(texts);
  const logger = mockServices.logger.mock();
  return {
    provider: new ICalOnCallProvider({
      urlReader: reader,
      logger,
      maxBytes,
      resilience: { initialDelayMs: 1, maxDelayMs: 5 },
    }),
    readUrl,
    logger,
  };
}

function subject(
  service: Record<string, string>,
  team?: Record<string, string>,
): OnCallSubject {
  return {
    service: {
      entityRef: 'component:default/payments-api',
      kind: 'Component',
      annotations: service,
    },
    ...(team
      ? { team: { entityRef: 'group:default/payments', annotations: team } }
      : {}),
  };
}

async function resolve(
  p: ICalOnCallProvider,
  url: string,
  now: string,
  matchedBy: 'service-annotation' | 'team-annotation' = 'service-annotation',
) {
  return p.resolve(
    { matchedBy, key: `ical:${url}`, data: { url } },
    onCallContext(now),
  );
}

describe('ICalOnCallProvider.match', () => {
  const { provider: p } = provider({});

  it('prefers the service annotation, then the team annotation', () => {
    expect(p.id).toBe('ical');
    expect(p.remote).toBe(true);
    expect(
      p.match(
        subject(
          { 'ownership-portal/oncall-ical': ` ${GOOGLE} ` },
          { 'ownership-portal/oncall-ical': OUTLOOK },
        ),
      ),
    ).toEqual({
      matchedBy: 'service-annotation',
      key: feedKey(GOOGLE),
      data: { url: GOOGLE },
    });
    expect(
      p.match(subject({}, { 'ownership-portal/oncall-ical': OUTLOOK })),
    ).toEqual({
      matchedBy: 'team-annotation',
      key: feedKey(OUTLOOK),
      data: { url: OUTLOOK },
    });
  });

  it('keys a feed by a digest, so that shared caches never hold its URL', () => {
    const key = new ICalOnCallProvider({ urlReader: {} as never }).match(
      subject({ 'ownership-portal/oncall-ical': GOOGLE }),
    )?.key;
    expect(key).toMatch(/^ical:[0-9a-f]{64}$/);
    expect(key).not.toContain('calendar');
  });

  it('knows nothing without the annotation', () => {
    expect(
      p.match(subject({ 'pagerduty.com/service-id': 'PABC' }, {})),
    ).toBeUndefined();
    expect(
      p.match(subject({ 'ownership-portal/oncall-ical': '  ' })),
    ).toBeUndefined();
  });
});

describe('ICalOnCallProvider.resolve with a Google Calendar feed', () => {
  const feed = fixture('google-payments.ics');

  it('finds who is on call in a weekly rotation, with the override of this week applied', async () => {
    const { provider: p, readUrl } = provider({ [GOOGLE]: feed });
    // Wednesday 21 October 2026, 14:00 in Berlin. The rotation hands over on
    // Mondays at 09:00; this week's occurrence was moved to noon, and next
    // week Dave swapped with Bob. DST ends on Sunday 25 October.
    const answer = await resolve(p, GOOGLE, '2026-10-21T12:00:00Z');

    expect(readUrl).toHaveBeenCalledTimes(1);
    expect(readUrl).toHaveBeenCalledWith(GOOGLE, {
      signal: expect.any(AbortSignal),
    });
    expect(answer).toEqual({
      scheduleName: 'Payments on-call',
      scheduleUrl: GOOGLE,
      status: 'ok',
      onCallNow: [
        // 12:00 CET, after the change from CEST: 11:00 UTC, not 10:00.
        {
          user: user('alice.moreau'),
          level: 1,
          until: '2026-10-26T11:00:00.000Z',
        },
        // All-day secondary shift: until midnight Berlin time (CET).
        {
          user: user('erin.schulz'),
          level: 2,
          until: '2026-10-25T23:00:00.000Z',
        },
      ],
      escalation: [],
      next: [
        {
          user: user('dave.okafor'),
          from: '2026-10-26T11:00:00.000Z',
          to: '2026-11-02T08:00:00.000Z',
        },
      ],
      gaps: [],
    });
  });

  it('ignores cancelled events and cancelled occurrences', async () => {
    const { provider: p } = provider({ [GOOGLE]: feed });
    // Mallory's cancelled day shift would cover this instant.
    const during = await resolve(p, GOOGLE, '2026-10-21T08:00:00Z');
    expect(during.onCallNow.map(o => o.user.name)).toEqual([
      'Alice Moreau',
      'Erin Schulz',
    ]);
    // Grace's secondary week of 9 November was cancelled: no level 2 then.
    const later = await resolve(p, GOOGLE, '2026-11-11T12:00:00Z');
    expect(later.onCallNow.map(o => [o.user.name, o.level])).toEqual([
      ['Alice Moreau', 1],
    ]);
  });

  it('keeps the Monday 09:00 hand-over in local time across DST, and applies EXDATE', async () => {
    const { provider: p } = provider({ [GOOGLE]: feed });
    // The series started on 23 March 2026, a week that spans the change to
    // CEST; its November occurrences still end at 09:00 CET (08:00 UTC).
    const answer = await resolve(p, GOOGLE, '2026-11-11T12:00:00Z');
    expect(answer.status).toBe('ok');
    expect(answer.gaps).toEqual([]);
    expect(answer.onCallNow).toEqual([
      {
        user: user('alice.moreau'),
        level: 1,
        until: '2026-11-16T08:00:00.000Z',
      },
    ]);
    // Bob's week of 16 November is excluded (EXDATE); Frank covers it.
    expect(answer.next).toEqual([
      {
        user: user('frank.weber'),
        from: '2026-11-16T08:00:00.000Z',
        to: '2026-11-23T08:00:00.000Z',
      },
    ]);
  });
});

describe('ICalOnCallProvider.resolve with an Outlook feed', () => {
  it('reads Windows zone names from the VTIMEZONE, organizers and CATEGORIES levels, and all-day events', async () => {
    const { provider: p } = provider({
      [OUTLOOK]: fixture('outlook-platform.ics'),
    });
    // Saturday 24 October 2026; DST in Europe ends the next night.
    const answer = await resolve(p, OUTLOOK, '2026-10-24T12:00:00Z');
    expect(answer).toEqual({
      scheduleName: 'Platform on-call',
      scheduleUrl: OUTLOOK,
      status: 'gap',
      onCallNow: [
        // The organizer, matched case-insensitively: Ivan.Petrov@example.com.
        {
          user: user('ivan.petrov'),
          level: 1,
          until: '2026-10-26T08:00:00.000Z',
        },
        // CATEGORIES:Secondary
        {
          user: user('judy.brennan'),
          level: 2,
          until: '2026-10-26T08:00:00.000Z',
        },
      ],
      escalation: [],
      // The accepted attendee, not the organizer, the declined or the room.
      next: [
        {
          user: user('ken.adams'),
          from: '2026-10-25T23:00:00.000Z',
          to: '2026-10-27T23:00:00.000Z',
        },
      ],
      gaps: [
        { from: '2026-10-27T23:00:00.000Z', to: '2026-10-31T12:00:00.000Z' },
      ],
    });
  });
});

describe('ICalOnCallProvider.resolve with an Opsgenie feed', () => {
  it('reports the holes in the next 7 days and finds people by email in SUMMARY or DESCRIPTION', async () => {
    const { provider: p } = provider({
      [OPSGENIE]: fixture('opsgenie-checkout.ics'),
    });
    const answer = await resolve(
      p,
      OPSGENIE,
      '2026-12-02T12:00:00Z',
      'team-annotation',
    );
    expect(answer).toEqual({
      scheduleName: 'checkout_schedule',
      scheduleUrl: OPSGENIE,
      status: 'gap',
      onCallNow: [
        // No email anywhere: the SUMMARY is the name.
        {
          user: { name: 'Sam Lee' },
          level: 1,
          until: '2026-12-03T08:00:00.000Z',
        },
        // "Secondary: omar.haddad@example.com"
        {
          user: user('omar.haddad'),
          level: 2,
          until: '2026-12-08T08:00:00.000Z',
        },
      ],
      escalation: [],
      // Email from DESCRIPTION, mapped to the catalog user.
      next: [
        {
          user: user('jane.roe'),
          from: '2026-12-03T20:00:00.000Z',
          to: '2026-12-06T08:00:00.000Z',
        },
      ],
      gaps: [
        { from: '2026-12-03T08:00:00.000Z', to: '2026-12-03T20:00:00.000Z' },
        { from: '2026-12-06T08:00:00.000Z', to: '2026-12-09T12:00:00.000Z' },
      ],
    });
  });

  it('says gap when nobody is on call now', async () => {
    const { provider: p } = provider({
      [OPSGENIE]: fixture('opsgenie-checkout.ics'),
    });
    const answer = await resolve(p, OPSGENIE, '2026-12-03T10:00:00Z');
    expect(answer.status).toBe('gap');
    expect(answer.onCallNow.map(o => o.level)).toEqual([2]);
    expect(answer.gaps?.[0]).toEqual({
      from: '2026-12-03T10:00:00.000Z',
      to: '2026-12-03T20:00:00.000Z',
    });
  });
});

describe('ICalOnCallProvider.resolve, people and shifts', () => {
  const url = 'https://calendar.example.com/team.ics';

  it('lists every attendee of a shared shift at its level, and people not in the catalog by their name', async () => {
    const { provider: p } = provider({
      [url]: calendar(
        'BEGIN:VEVENT',
        'UID:pair-1',
        'DTSTART:20261201T080000Z',
        'DTEND:20261208T080000Z',
        'SUMMARY:Pairing on-call',
        'ATTENDEE;CN=Alice Moreau:mailto:alice.moreau@example.com',
        'ATTENDEE;CN=Nina Contractor:mailto:Nina@Contractor.example.net',
        'END:VEVENT',
      ),
    });
    const answer = await resolve(p, url, '2026-12-02T00:00:00Z');
    expect(answer.scheduleName).toBe('team.ics');
    expect(answer.onCallNow).toEqual([
      {
        user: user('alice.moreau'),
        level: 1,
        until: '2026-12-08T08:00:00.000Z',
      },
      {
        user: { name: 'Nina Contractor', email: 'nina@contractor.example.net' },
        level: 1,
        until: '2026-12-08T08:00:00.000Z',
      },
    ]);
  });

  it('joins back-to-back shifts of one person, so that until is when they hand over', async () => {
    const day = (d: number) =>
      [
        'BEGIN:VEVENT',
        `UID:day-${d}`,
        `DTSTART:202612${String(d).padStart(2, '0')}T080000Z`,
        `DTEND:202612${String(d + 1).padStart(2, '0')}T080000Z`,
        `SUMMARY:${
          d < 4 ? 'alice.moreau@example.com' : 'dave.okafor@example.com'
        }`,
        'END:VEVENT',
      ].join('\r\n');
    const { provider: p } = provider({
      [url]: calendar(...[1, 2, 3, 4, 5, 6, 7, 8, 9].map(day)),
    });
    const answer = await resolve(p, url, '2026-12-01T12:00:00Z');
    expect(answer.onCallNow).toEqual([
      {
        user: user('alice.moreau'),
        level: 1,
        until: '2026-12-04T08:00:00.000Z',
      },
    ]);
    expect(answer.next).toEqual([
      {
        user: user('dave.okafor'),
        from: '2026-12-04T08:00:00.000Z',
        to: '2026-12-10T08:00:00.000Z',
      },
    ]);
    expect(answer.status).toBe('ok');
  });

  it('lists at most 5 upcoming level-1 shifts', async () => {
    const { provider: p } = provider({
      [url]: calendar(
        'BEGIN:VEVENT',
        'UID:daily',
        'DTSTART:20261201T080000Z',
        'DTEND:20261201T200000Z',
        'RRULE:FREQ=DAILY',
        'SUMMARY:Day shift',
        'ORGANIZER;CN=Dave:mailto:dave.okafor@example.com',
        'END:VEVENT',
      ),
    });
    const answer = await resolve(p, url, '2026-12-01T12:00:00Z');
    expect(answer.next.map(s => s.from)).toEqual([
      '2026-12-02T08:00:00.000Z',
      '2026-12-03T08:00:00.000Z',
      '2026-12-04T08:00:00.000Z',
      '2026-12-05T08:00:00.000Z',
      '2026-12-06T08:00:00.000Z',
    ]);
    expect(answer.status).toBe('gap');
    expect(answer.gaps).toHaveLength(7);
  });

  it('reads webcal:// links over HTTPS and gives no schedule link for them', async () => {
    const { provider: p, readUrl } = provider({
      'https://calendar.example.com/oncall.ics': calendar(
        'X-WR-CALNAME:Webcal on-call',
      ),
    });
    const answer = await resolve(
      p,
      'webcal://calendar.example.com/oncall.ics',
      '2026-12-01T12:00:00Z',
    );
    expect(readUrl).toHaveBeenCalledWith(
      'https://calendar.example.com/oncall.ics',
      expect.anything(),
    );
    expect(answer.scheduleName).toBe('Webcal on-call');
    expect(answer).not.toHaveProperty('scheduleUrl');
    expect(answer.status).toBe('gap');
  });
});

describe('ICalOnCallProvider.resolve errors', () => {
  const url = 'https://calendar.example.com/broken.ics';

  it('says which feed is not iCalendar, and why', async () => {
    const { provider: p } = provider({
      [url]: '<!DOCTYPE html><html><body>Sign in to continue</body></html>',
      [`${url}?junk`]: calendar('BEGIN:VEVENT', 'this is not a content line'),
      [`${url}?unterminated`]: 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n',
      [`${url}?empty`]: '',
    });
    await expect(resolve(p, url, '2026-12-01T12:00:00Z')).rejects.toThrow(
      `iCalendar feed ${feedLabel(
        url,
      )} is not iCalendar: it does not start with BEGIN:VCALENDAR but with "<!DOCTYPE html><html><body>Sign in to continue</body></html>"`,
    );
    await expect(
      resolve(p, `${url}?junk`, '2026-12-01T12:00:00Z'),
    ).rejects.toThrow(
      `iCalendar feed ${feedLabel(
        `${url}?junk`,
      )} is not valid iCalendar: invalid line (no token ";" or ":") "this is not a content line"`,
    );
    await expect(
      resolve(p, `${url}?unterminated`, '2026-12-01T12:00:00Z'),
    ).rejects.toThrow(/is not valid iCalendar: .*did not end/);
    await expect(
      resolve(p, `${url}?empty`, '2026-12-01T12:00:00Z'),
    ).rejects.toThrow(
      `iCalendar feed ${feedLabel(
        `${url}?empty`,
      )} is not iCalendar: the feed is empty`,
    );
  });

  it('leaves out events it cannot read, keeps the others and logs why', async () => {
    const { provider: p, logger } = provider({
      [url]: calendar(
        'BEGIN:VEVENT',
        'UID:bad-date',
        'DTSTART:2026-13-45',
        'SUMMARY:Broken',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:good',
        'DTSTART:20261201T000000Z',
        'DTEND:20261209T000000Z',
        'SUMMARY:alice.moreau@example.com',
        'END:VEVENT',
      ),
    });
    const answer = await resolve(p, url, '2026-12-01T12:00:00Z');
    expect(answer.status).toBe('ok');
    expect(answer.onCallNow.map(o => o.user.entityRef)).toEqual([
      'user:default/alice.moreau',
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^iCalendar feed on calendar\.example\.com \(#[0-9a-f]{8}\): left out 1 unreadable event\(s\): Broken \(bad-date\): invalid date-time value/,
      ),
    );
    // Feed addresses often carry a secret token: logs name the host only.
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain(url);
  });

  it('refuses feeds over the size limit without retrying', async () => {
    const { provider: p, readUrl } = provider(
      { [url]: calendar('X-WR-CALNAME:'.padEnd(2000, 'x')) },
      1024,
    );
    await expect(resolve(p, url, '2026-12-01T12:00:00Z')).rejects.toThrow(
      `iCalendar feed ${feedLabel(
        url,
      )} is bigger than the limit of 1024 bytes (ownership.oncall.ical.maxBytes)`,
    );
    expect(readUrl).toHaveBeenCalledTimes(1);
  });

  it('stops reading a streamed feed once it passes the limit', async () => {
    const chunks = Array.from({ length: 100 }, () => Buffer.alloc(1024, 'x'));
    let pulled = 0;
    const stream = Readable.from(
      (function* generate() {
        for (const chunk of chunks) {
          pulled += 1;
          yield chunk;
        }
      })(),
    );
    const urlReader = mockServices.urlReader.mock({
      readUrl: async () => ({
        buffer: async () => Buffer.concat(chunks),
        stream: () => stream,
      }),
    });
    const p = new ICalOnCallProvider({ urlReader, maxBytes: 10 * 1024 });
    await expect(resolve(p, url, '2026-12-01T12:00:00Z')).rejects.toThrow(
      /bigger than the limit of 10240 bytes/,
    );
    expect(pulled).toBeLessThan(20);
  });

  it('says when the annotation is not a URL', async () => {
    const { provider: p, readUrl } = provider({});
    await expect(
      resolve(p, 'payments on-call calendar', '2026-12-01T12:00:00Z'),
    ).rejects.toThrow(
      `The ownership-portal/oncall-ical annotation ${feedLabel(
        'payments on-call calendar',
      )} is not a URL of an iCalendar feed`,
    );
    expect(readUrl).not.toHaveBeenCalled();
  });

  it('retries other read errors and names the feed', async () => {
    const { provider: p, readUrl } = provider({});
    await expect(resolve(p, url, '2026-12-01T12:00:00Z')).rejects.toThrow(
      `Cannot read iCalendar feed ${feedLabel(url)}: no feed at <feed URL>`,
    );
    expect(readUrl).toHaveBeenCalledTimes(3);
  });
});
