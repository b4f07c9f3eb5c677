/**
 * The parts of PagerDuty REST API v2 objects this module reads. References
 * (`*_reference`) carry `id`, `summary` and `html_url`; with `include[]`
 * PagerDuty expands them into full objects (e.g. users with `name` and
 * `email`).
 */

export interface PdReference {
  id: string;
  type: string;
  summary?: string;
  self?: string;
  html_url?: string;
}

export interface PdUser extends PdReference {
  name?: string;
  email?: string;
}

export interface PdIntegration extends PdReference {
  /** Present on Events API integrations when listed with `include[]=integrations`. */
  integration_key?: string;
}

export interface PdService extends PdReference {
  name?: string;
  escalation_policy?: PdReference;
  integrations?: PdIntegration[];
}

export interface PdEscalationTarget extends PdReference {
  name?: string;
  email?: string;
}

export interface PdEscalationRule {
  id?: string;
  escalation_delay_in_minutes: number;
  targets: PdEscalationTarget[];
}

export interface PdEscalationPolicy extends PdReference {
  name?: string;
  escalation_rules: PdEscalationRule[];
  num_loops?: number;
}

export interface PdSchedule extends PdReference {
  name?: string;
}

export interface PdOnCall {
  user: PdUser;
  escalation_policy?: PdReference;
  /** Absent or null when a user is a direct target of the escalation rule. */
  schedule?: PdReference | null;
  escalation_level: number;
  /** Null for a permanent on-call. */
  start: string | null;
  /** Null when the user does not go off call. */
  end: string | null;
}

/** Classic offset pagination. */
export interface PdPage {
  limit?: number;
  offset?: number;
  more?: boolean;
  total?: number | null;
}
