/** The parts of GitHub's REST issue objects this module reads. */

export interface GhUser {
  login: string;
  id?: number;
  html_url?: string;
}

export interface GhLabel {
  id?: number;
  name: string;
  color?: string;
}

export interface GhMilestone {
  number: number;
  title: string;
  state?: 'open' | 'closed';
  /** ISO-8601 date-time, or null when the milestone has no due date. */
  due_on: string | null;
  html_url?: string;
}

/** An item of `GET /repos/{owner}/{repo}/issues`: an issue, or a pull request. */
export interface GhIssue {
  id: number;
  number: number;
  title: string;
  state: 'open' | 'closed';
  html_url: string;
  /** Labels as objects; older payloads may give plain names. */
  labels: Array<GhLabel | string>;
  assignee?: GhUser | null;
  assignees?: GhUser[] | null;
  milestone?: GhMilestone | null;
  created_at: string;
  updated_at?: string;
  /** Present on pull requests only. */
  pull_request?: { url: string; html_url?: string };
}
