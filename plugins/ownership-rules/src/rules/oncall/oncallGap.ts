import type { OwnershipRule } from '../types';

/** `oncall.gap`: nobody is on call now, or there is a hole in the next 7 days. */
export const oncallGapRule: OwnershipRule = {
  id: 'oncall.gap',
  defaultSeverity: 'error',
  description:
    'Someone is on call now and every hour of the next 7 days is covered.',
  remediation:
    'Fill the hole in the rotation: add members, an override for the uncovered time, or extend the schedule.',
  appliesTo: service => service.operational,
  evaluate(service) {
    const answer = service.oncall;
    if (!answer || answer.status !== 'gap') {
      return [];
    }
    const first = answer.gaps?.[0];
    const schedule = answer.scheduleName
      ? `"${answer.scheduleName}" (${answer.source})`
      : answer.source;
    const when = !answer.onCallNow.some(o => o.level === 1)
      ? 'nobody is on call now'
      : `nobody is on call from ${first?.from ?? 'soon'} to ${
          first?.to ?? 'later'
        }`;
    return [
      {
        message: `${service.entityRef}: ${when} in the rotation ${schedule}`,
        remediation: `Cover ${
          first ? `${first.from} to ${first.to}` : 'the hole'
        } in ${schedule}: add an override or members, or extend the rotation.`,
      },
    ];
  },
};
