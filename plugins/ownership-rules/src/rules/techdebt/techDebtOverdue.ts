import type { OwnershipRule } from '../types';
import { DEFAULT_MAX_AGE_DAYS, overdue } from '../../docs/debt/summarise';
import { hasTechDebt, itemName, whereKept } from './describe';

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/**
 * `techdebt.overdue`: an open item past its due date, or open longer than
 * `maxAgeDays` (default 90) without one.
 */
export const techDebtOverdueRule: OwnershipRule = {
  id: 'techdebt.overdue',
  defaultSeverity: 'warning',
  description: `Open tech debt items are paid off by their due date; items without one are open at most ${DEFAULT_MAX_AGE_DAYS} days (ownership.rules.techdebt.overdue.maxAgeDays).`,
  remediation:
    'In the tech debt register, pay the item off and set "status: done" (or "status: wont-fix" when it will not be done), or agree a new date and set "due: YYYY-MM-DD".',
  appliesTo: hasTechDebt,
  evaluate(service, { now, options }) {
    const maxAgeDays =
      options.getOptionalNumber('maxAgeDays') ?? DEFAULT_MAX_AGE_DAYS;
    return (service.techDebt?.items ?? []).flatMap(item => {
      const late = overdue(item, now, maxAgeDays);
      if (!late) {
        return [];
      }
      const where = whereKept(item, service);
      if (late.kind === 'due') {
        return [
          {
            message: `${service.entityRef}: tech debt ${itemName(
              item,
            )} is ${days(late.days)} past its due date ${item.due}`,
            remediation:
              item.source === 'register'
                ? `In ${where}, set "status: done" on ${item.id} once it is paid off ("status: wont-fix" if it will not be), or move "due: ${item.due}" to the new agreed date.`
                : `Close ${where} once the debt is paid off, or move its milestone to a later due date.`,
          },
        ];
      }
      return [
        {
          message: `${service.entityRef}: tech debt ${itemName(
            item,
          )} has been open ${days(late.days)} since ${
            item.created
          } without a due date (more than ${maxAgeDays})`,
          remediation:
            item.source === 'register'
              ? `In ${where}, add "due: YYYY-MM-DD" to ${item.id} with the date it will be paid off, or set "status: wont-fix" if it will not be.`
              : `Add ${where} to a milestone with a due date, or close it if the debt will not be paid off.`,
        },
      ];
    });
  },
};
