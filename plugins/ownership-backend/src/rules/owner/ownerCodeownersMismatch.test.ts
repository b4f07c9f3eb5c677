import { ConfigReader } from '@backstage/config';
import type {
  CodeownersInfo,
  ResolvedService,
} from '@ownership-portal/plugin-ownership-common';
import { resolveCatalog } from '../../__testUtils__/resolved';
import { builtInRule } from '../__testUtils__/builtInRule';

const rule = builtInRule('owner.codeowners-mismatch');
const resolved = resolveCatalog();
const context = {
  now: new Date('2026-11-28T00:00:00Z'),
  options: new ConfigReader({}),
};
const URL_OF_FILE =
  'https://github.com/acme/payments-api/tree/main/.github/CODEOWNERS';

function codeowners(
  mapped: Array<[string, string]>,
  unknownOwners: string[] = [],
): CodeownersInfo {
  return {
    url: URL_OF_FILE,
    path: '.github/CODEOWNERS',
    defaultOwners: [...mapped.map(([owner]) => owner), ...unknownOwners],
    mapped: mapped.map(([owner, entityRef]) => ({ owner, entityRef })),
    unknownOwners,
  };
}

function withCodeowners(
  name: string,
  info: CodeownersInfo | undefined,
): ResolvedService {
  const service = resolved.get(`component:default/${name}`)!;
  return { ...service, ...(info && { codeowners: info }) };
}

async function check(service: ResolvedService) {
  return {
    applies: rule.appliesTo ? rule.appliesTo(service, context) : true,
    findings: await rule.evaluate(service, context),
  };
}

describe('owner.codeowners-mismatch', () => {
  it('is a warning of the owner category', () => {
    expect(rule.defaultSeverity).toBe('warning');
    expect(rule.description).toContain('A missing or unreadable CODEOWNERS');
  });

  it.each([
    ['the catalog owner', 'group:default/payments'],
    ['a parent of the owner', 'group:default/engineering'],
    ['a sub-group of the owner', 'group:default/payments-fraud'],
  ])('passes when CODEOWNERS names %s', async (_, entityRef) => {
    const service = withCodeowners(
      'payments-api',
      codeowners([['@acme/team', entityRef]]),
    );
    expect(await check(service)).toEqual({ applies: true, findings: [] });
  });

  it('passes when one of several default owners is related', async () => {
    const service = withCodeowners(
      'payments-api',
      codeowners([
        ['@acme/platform', 'group:default/platform'],
        ['@acme/payments', 'group:default/payments'],
      ]),
    );
    expect((await check(service)).findings).toEqual([]);
  });

  it('names both sides and what to change when no named Group is related', async () => {
    const service = withCodeowners(
      'payments-api',
      codeowners([['@acme/platform', 'group:default/platform']], ['@ghost']),
    );
    const { applies, findings } = await check(service);
    expect(applies).toBe(true);
    expect(findings).toEqual([
      {
        message:
          'component:default/payments-api: CODEOWNERS (.github/CODEOWNERS) names @acme/platform (group:default/platform), but the catalog owner is group:default/payments',
        remediation: `If group:default/platform owns component:default/payments-api, change "owner: payments" in its catalog-info.yaml to "owner: group:default/platform"; if group:default/payments owns it, change the "*" line of .github/CODEOWNERS (${URL_OF_FILE}) to name the GitHub team of group:default/payments, or one of its parent or sub-teams.`,
      },
    ]);
  });

  it('still fires on the last good read of a file that could not be read just now', async () => {
    const service = withCodeowners('payments-api', {
      ...codeowners([['@acme/platform', 'group:default/platform']]),
      read: {
        status: 'stale',
        reason: '503',
        readAt: '2026-11-27T00:00:00.000Z',
      },
    });
    expect((await check(service)).findings).toHaveLength(1);
  });

  it.each<[string, ResolvedService]>([
    ['there is no CODEOWNERS file', withCodeowners('payments-api', undefined)],
    [
      'the file could not be read',
      withCodeowners('payments-api', {
        ...codeowners([]),
        read: { status: 'unknown', reason: 'timeout' },
      }),
    ],
    [
      'the default owners are unknown teams and emails',
      withCodeowners(
        'payments-api',
        codeowners([], ['@acme/ghost-team', 'dev@acme.example']),
      ),
    ],
    [
      'the default owners map to Users only',
      withCodeowners(
        'payments-api',
        codeowners([['@erin', 'user:default/erin']]),
      ),
    ],
    [
      'the owner is a User',
      withCodeowners(
        'experiments',
        codeowners([['@acme/platform', 'group:default/platform']]),
      ),
    ],
    [
      'the owner does not resolve',
      withCodeowners(
        'reconciler',
        codeowners([['@acme/platform', 'group:default/platform']]),
      ),
    ],
    [
      'the owner is a placeholder',
      withCodeowners(
        'label-printer',
        codeowners([['@acme/platform', 'group:default/platform']]),
      ),
    ],
  ])('does not apply and raises nothing when %s', async (_, service) => {
    expect(await check(service)).toEqual({ applies: false, findings: [] });
  });
});

describe('suggested owners from CODEOWNERS', () => {
  const info = codeowners([['@acme/payments', 'group:default/payments']]);
  const suggestion = {
    entityRef: 'group:default/payments',
    title: 'payments',
    source: 'codeowners' as const,
    via: URL_OF_FILE,
  };

  it('owner.missing proposes the team CODEOWNERS names', async () => {
    const service = {
      ...withCodeowners('label-printer', info),
      suggestedOwner: suggestion,
    };
    const [finding] = await builtInRule('owner.missing').evaluate(
      service,
      context,
    );
    expect(finding.remediation).toContain(
      `Its repository's .github/CODEOWNERS (${URL_OF_FILE}) names @acme/payments, that is group:default/payments; if that team owns it, write "owner: group:default/payments".`,
    );
  });

  it('owner.unresolved proposes it too', async () => {
    const service = {
      ...withCodeowners('reconciler', info),
      suggestedOwner: suggestion,
    };
    const [finding] = await builtInRule('owner.unresolved').evaluate(
      service,
      context,
    );
    expect(finding.remediation).toContain(
      'names @acme/payments, that is group:default/payments',
    );
  });
});
