import type { CampaignInput } from '@ownership-portal/plugin-ownership-common';
import { fromDateInput } from '../shared';

/** The fields of the "New campaign" form, as typed. */
export interface CampaignForm {
  title: string;
  instructions: string;
  /** `YYYY-MM-DD` */
  opens: string;
  /** `YYYY-MM-DD` */
  due: string;
  kinds: string;
  lifecycles: string;
  systems: string;
  teams: string;
  includeSubgroups: boolean;
  excludeTeams: string;
}

/** The entries of a comma- or newline-separated list, trimmed, without blanks. */
export function listOf(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map(s => s.trim())
    .filter(Boolean);
}

/**
 * The request body of a form: the campaign opens at the start of its
 * opening day and is due at the end of its due day, in the reader's time
 * zone; empty scope lists are left out (the backend then covers everything
 * the audit covers). Checking the values is left to the backend, whose 400
 * names the field.
 */
export function campaignInputOf(form: CampaignForm): CampaignInput {
  const include = {
    kinds: listOf(form.kinds),
    lifecycles: listOf(form.lifecycles),
    systems: listOf(form.systems),
    teams: listOf(form.teams),
  };
  const excludeTeams = listOf(form.excludeTeams);
  const nonEmpty = Object.fromEntries(
    Object.entries(include).filter(([, values]) => values.length > 0),
  );
  return {
    title: form.title.trim(),
    ...(form.instructions.trim() ? { instructions: form.instructions } : {}),
    opensAt: fromDateInput(form.opens) ?? form.opens,
    dueAt: fromDateInput(form.due, true) ?? form.due,
    scope: {
      ...(Object.keys(nonEmpty).length > 0 ? { include: nonEmpty } : {}),
      ...(excludeTeams.length > 0 ? { exclude: { teams: excludeTeams } } : {}),
      includeSubgroups: form.includeSubgroups,
    },
  };
}
