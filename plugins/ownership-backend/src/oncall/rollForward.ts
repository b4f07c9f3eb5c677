import type { OnCallAnswer } from '@ownership-portal/plugin-ownership-common';

/**
 * Moves a remembered answer to `now`: level-1 shifts that have ended are
 * dropped and the next shift that covers `now` takes their place, so a stale
 * answer still names the person the schedule says is on call.
 */
export function rollForward(answer: OnCallAnswer, now: Date): OnCallAnswer {
  const t = now.getTime();
  const ended = (until?: string) =>
    until !== undefined && Date.parse(until) <= t;
  const current = answer.next.find(
    s => Date.parse(s.from) <= t && Date.parse(s.to) > t,
  );
  const levelOne = answer.onCallNow.filter(
    o => o.level === 1 && !ended(o.until),
  );
  const others = answer.onCallNow.filter(o => o.level !== 1 && !ended(o.until));
  const onCallNow =
    levelOne.length || !current
      ? [...levelOne, ...others]
      : [{ user: current.user, level: 1, until: current.to }, ...others];
  return {
    ...answer,
    onCallNow,
    next: answer.next.filter(s => Date.parse(s.from) > t),
  };
}
