import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  type OnCallProvider,
  ownershipOnCallProvidersExtensionPoint,
} from '@ownership-portal/plugin-ownership-node';

/**
 * A provider for tests: every team in `teams` has alice on call until
 * tomorrow and bob next; `gapTeams` have nobody on call now.
 */
export function fakeOnCallProvider(options: {
  teams: string[];
  gapTeams?: string[];
  id?: string;
  remote?: boolean;
  fail?: () => boolean;
}): OnCallProvider {
  return {
    id: options.id ?? 'fake',
    remote: options.remote ?? false,
    match(subject) {
      const team = subject.team?.entityRef;
      if (
        !team ||
        ![...options.teams, ...(options.gapTeams ?? [])].includes(team)
      ) {
        return undefined;
      }
      return { matchedBy: 'team', key: team };
    },
    async resolve(target, context) {
      if (options.fail?.()) {
        throw new Error('fake provider is down');
      }
      const now = context.now.getTime();
      const day = 24 * 60 * 60 * 1000;
      const alice = context.userByRef('user:default/alice') ?? {
        name: 'alice',
      };
      const bob = context.userByRef('user:default/bob') ?? { name: 'bob' };
      if (options.gapTeams?.includes(target.key)) {
        return {
          scheduleName: target.key,
          status: 'gap',
          onCallNow: [],
          escalation: [],
          next: [
            {
              user: bob,
              from: new Date(now + day).toISOString(),
              to: new Date(now + 8 * day).toISOString(),
            },
          ],
          gaps: [
            {
              from: new Date(now).toISOString(),
              to: new Date(now + day).toISOString(),
            },
          ],
        };
      }
      return {
        scheduleName: target.key,
        status: 'ok',
        onCallNow: [
          { user: alice, level: 1, until: new Date(now + day).toISOString() },
        ],
        escalation: [
          {
            level: 1,
            after: 'PT0S',
            targets: [{ type: 'rotation', ref: target.key }],
          },
        ],
        next: [
          {
            user: bob,
            from: new Date(now + day).toISOString(),
            to: new Date(now + 8 * day).toISOString(),
          },
        ],
        gaps: [],
      };
    },
  };
}

/** A backend module that adds on-call providers, for tests. */
export function oncallModule(...providers: OnCallProvider[]) {
  return createBackendModule({
    pluginId: 'ownership',
    moduleId: `test-oncall-${providers.map(p => p.id).join('-')}`,
    register(env) {
      env.registerInit({
        deps: { oncall: ownershipOnCallProvidersExtensionPoint },
        async init({ oncall }) {
          oncall.addProvider(...providers);
        },
      });
    },
  });
}
