import type { Entity } from '@backstage/catalog-model';
import { generateOrg } from './generateOrg';
import type { RemoteContent } from './fakeRemotes';

/** The host name of the fake GitHub: the integration sends its calls to the fake's API URL. */
export const GITHUB_HOST = 'github.bench.test';
const OWNER = 'acme';

const runbook = (name: string) =>
  [
    '---',
    `title: ${name} runbook`,
    `last-reviewed: ${new Date(Date.now() - 20 * 86_400_000)
      .toISOString()
      .slice(0, 10)}`,
    '---',
    `# ${name}`,
    '',
    '## When it pages',
    'Check the dashboards, then the queue depth.',
    '',
  ].join('\n');

const adr = (n: number, status: string) =>
  [
    `# ${n}. Use a queue between intake and settlement`,
    '',
    `Date: 2026-0${(n % 9) + 1}-15`,
    '',
    '## Status',
    '',
    status,
    '',
    '## Context',
    '',
    'Settlement is slower than intake.',
    '',
  ].join('\n');

const register = (repo: string) =>
  [
    `# Technical debt register of ${repo}`,
    'items:',
    `  - id: ${repo.toUpperCase()}-1`,
    '    title: Card tokens are cached without expiry',
    '    impact: high',
    '    effort: 3',
    '    created: 2026-04-01',
    '    due: 2027-07-31',
    '    status: open',
    `    issue: https://${GITHUB_HOST}/${OWNER}/${repo}/issues/17`,
    '',
  ].join('\n');

function feed(name: string, people: string[]): string {
  const attendee = (email: string) =>
    `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;CN=${email}:mailto:${email}`;
  return [
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${name} on-call`,
    ...people.flatMap((email, i) => [
      'BEGIN:VEVENT',
      `DTSTART:202601${String(5 + i * 7).padStart(2, '0')}T090000Z`,
      `DTEND:202601${String(12 + i * 7).padStart(2, '0')}T090000Z`,
      `RRULE:FREQ=WEEKLY;INTERVAL=${people.length}`,
      `UID:${name}-${i}@bench.test`,
      'DTSTAMP:20260101T000000Z',
      `SUMMARY:${name} primary`,
      attendee(email),
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** Repository files, in GitHub's order of CODEOWNERS places, by how a repository is set up. */
function repositoryFiles(index: number, repo: string, team: string) {
  const files = new Map<string, string>();
  files.set('catalog-info.yaml', `# ${repo}\n`);
  // A third with .github/CODEOWNERS, a third with it at the root, a third without.
  if (index % 3 === 0) {
    files.set('.github/CODEOWNERS', `* @${OWNER}/${team}\n`);
  } else if (index % 3 === 1) {
    files.set('CODEOWNERS', `# owners\n* @${OWNER}/${team} @someone\n`);
  }
  files.set('docs/runbook.md', runbook(repo));
  files.set('docs/tech-debt.yaml', register(repo));
  files.set('docs/adr/0001-record-decisions.md', adr(1, 'Accepted'));
  files.set('docs/adr/0002-queue.md', adr(2, 'Proposed'));
  files.set('docs/adr/0003-cache.md', adr(3, 'Accepted'));
  return files;
}

/**
 * {@link generateOrg}'s organisation, with what a real catalog links to
 * remote places, in realistic shares: source locations on GitHub (two
 * services per repository, a third of repositories without CODEOWNERS),
 * runbook links to a wiki (some gone), runbooks, ADR folders and debt
 * registers in the repository, GitHub issues, PagerDuty services and
 * policies, iCalendar feeds. Returns the entities and what the fakes serve.
 */
export function generateRemoteOrg(
  services: number,
  baseUrl: string,
): { entities: Entity[]; content: RemoteContent } {
  const entities = generateOrg(services);
  const content: RemoteContent = {
    repositories: new Map(),
    wiki: new Map(),
    feeds: new Map(),
    issues: new Map(),
    pagerDutyServices: new Map(),
    pagerDutyPolicies: new Set(),
  };

  let team = 0;
  let component = 0;
  for (const entity of entities) {
    const annotations: Record<string, string> = {
      ...entity.metadata.annotations,
    };
    if (entity.kind === 'Group' && entity.metadata.name.startsWith('team-')) {
      const t = team++;
      // Teams page through PagerDuty (a quarter) or publish a calendar (a quarter).
      if (t % 4 === 0) {
        const policy = `PEPT${t}`;
        content.pagerDutyPolicies.add(policy);
        annotations['pagerduty.com/escalation-policy-id'] = policy;
      } else if (t % 4 === 1) {
        const name = `${entity.metadata.name}.ics`;
        content.feeds.set(
          name,
          feed(
            entity.metadata.name,
            [0, 1, 2].map(p => `user-${t}-${p}@example.com`),
          ),
        );
        annotations['ownership-portal/oncall-ical'] = `${baseUrl}/ical/${name}`;
      }
    }
    if (entity.kind === 'Component') {
      const i = component++;
      const owner = String(entity.spec?.owner ?? '');
      const teamName = owner.replace(/^group:default\//, '');
      const links = [...(entity.metadata.links ?? [])];
      // Four services in five live in a GitHub repository, two per repository.
      if (i % 5 !== 4) {
        const r = Math.floor(i / 2);
        const repo = `repo-${r}`;
        const slug = `${OWNER}/${repo}`;
        if (!content.repositories.has(slug)) {
          content.repositories.set(slug, repositoryFiles(r, repo, teamName));
        }
        const tree = `https://${GITHUB_HOST}/${slug}/tree/main/`;
        annotations[
          'backstage.io/managed-by-location'
        ] = `url:https://${GITHUB_HOST}/${slug}/blob/main/catalog-info.yaml`;
        annotations['backstage.io/source-location'] = `url:${tree}`;
        if (i % 3 === 0) annotations['backstage.io/adr-location'] = 'docs/adr';
        if (i % 5 === 1) {
          annotations['ownership-portal/tech-debt'] = 'docs/tech-debt.yaml';
        }
        if (i % 4 === 2) {
          annotations['ownership-portal/runbooks'] = 'docs/runbook.md';
        }
        if (i % 4 === 1) {
          annotations['github.com/project-slug'] = slug;
          content.issues.set(slug, [
            {
              id: 1_000_000 + r,
              number: 17,
              title: 'Settlement parser has no tests',
              state: 'open',
              html_url: `https://${GITHUB_HOST}/${slug}/issues/17`,
              labels: [
                { id: 1, name: 'tech-debt' },
                { id: 2, name: 'impact:high' },
              ],
              assignee: null,
              assignees: [],
              milestone: null,
              created_at: '2026-10-01T09:30:00Z',
              updated_at: '2026-11-01T09:30:00Z',
            },
          ]);
        }
      }
      // Half link a wiki runbook; one link in twenty is gone.
      if (i % 2 === 0) {
        const page = `runbooks/${entity.metadata.name}.md`;
        if (i % 40 !== 0) content.wiki.set(page, runbook(entity.metadata.name));
        links.push({
          url: `${baseUrl}/wiki/${page}`,
          title: 'Runbook',
          type: 'runbook',
        });
      }
      // A fifth name their own PagerDuty service, a twentieth their own calendar.
      if (i % 5 === 3) {
        const id = `PS${i}`;
        const policy = `PEPS${i % 50}`;
        content.pagerDutyServices.set(id, policy);
        content.pagerDutyPolicies.add(policy);
        annotations['pagerduty.com/service-id'] = id;
      } else if (i % 20 === 7) {
        const name = `${entity.metadata.name}.ics`;
        content.feeds.set(
          name,
          feed(entity.metadata.name, [
            'oncall-a@example.com',
            'oncall-b@example.com',
          ]),
        );
        annotations['ownership-portal/oncall-ical'] = `${baseUrl}/ical/${name}`;
      }
      entity.metadata.links = links;
    }
    entity.metadata.annotations = annotations;
  }
  return { entities, content };
}
