import type { OwnershipRule } from '../types';
import { hasTechDebt } from './describe';

/** `techdebt.register-invalid`: the register file cannot be read as a register. */
export const techDebtRegisterInvalidRule: OwnershipRule = {
  id: 'techdebt.register-invalid',
  defaultSeverity: 'error',
  description:
    'The tech debt register is valid YAML that follows schema/tech-debt-register.schema.json, with unique item ids; items that do not are left out of the audit.',
  remediation:
    'Fix the register file at the line given so that it follows schema/tech-debt-register.schema.json of @ownership-portal/plugin-ownership-rules (point your editor at it for checks as you type).',
  appliesTo: hasTechDebt,
  evaluate(service) {
    return (service.techDebt?.problems ?? [])
      .filter(problem => problem.source === 'register')
      .map(problem => ({
        message: `${service.entityRef}: the tech debt register is invalid: ${problem.message}`,
        remediation: remediationFor(problem.message),
      }));
  },
};

/** What to change for the kind of problem the parser reported. */
function remediationFor(message: string): string {
  const at = /line (\d+)/.exec(message);
  const where = at ? `line ${at[1]} of the register file` : 'the register file';
  if (/duplicate id/.test(message)) {
    return `Give the item at ${where} an id of its own; ids are unique within the register. Until then it is left out.`;
  }
  if (/ items\[\d+\]/.test(message)) {
    return `Correct the field at ${where} as the message says (see schema/tech-debt-register.schema.json); until then the item is left out of the audit.`;
  }
  return `Fix ${where}: it must be YAML with an "items" list that follows schema/tech-debt-register.schema.json. Until then no item of the register is audited.`;
}
