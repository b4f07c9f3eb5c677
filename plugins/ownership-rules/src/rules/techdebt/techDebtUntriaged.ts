import type { OwnershipRule } from '../types';
import { isOpen } from '../../docs/debt/summarise';
import { hasTechDebt, itemName, whereKept } from './describe';

/**
 * `techdebt.untriaged`: a high or critical open item without a due date or
 * without an issue that tracks it.
 */
export const techDebtUntriagedRule: OwnershipRule = {
  id: 'techdebt.untriaged',
  defaultSeverity: 'warning',
  description:
    'Open tech debt of high or critical impact has a due date and an issue that tracks the work.',
  remediation:
    'In the tech debt register, give every open high or critical item a "due: YYYY-MM-DD" and an "issue: <URL of the tracking issue>".',
  appliesTo: hasTechDebt,
  evaluate(service) {
    return (service.techDebt?.items ?? []).flatMap(item => {
      if (
        !isOpen(item) ||
        (item.impact !== 'high' && item.impact !== 'critical')
      ) {
        return [];
      }
      const missing = [
        ...(item.due ? [] : ['due date']),
        ...(item.issue ? [] : ['issue']),
      ];
      if (missing.length === 0) {
        return [];
      }
      const fields = [
        ...(item.due ? [] : ['"due: YYYY-MM-DD"']),
        ...(item.issue ? [] : ['"issue: <URL of the tracking issue>"']),
      ];
      return [
        {
          message: `${service.entityRef}: ${
            item.impact
          }-impact tech debt ${itemName(item)} has no ${missing.join(
            ' and no ',
          )}`,
          remediation:
            item.source === 'register'
              ? `In ${whereKept(item, service)}, add ${fields.join(
                  ' and ',
                )} to ${item.id}.`
              : `Add ${whereKept(
                  item,
                  service,
                )} to a milestone with a due date.`,
        },
      ];
    });
  },
};
