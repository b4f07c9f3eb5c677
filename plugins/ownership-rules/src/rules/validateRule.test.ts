import type { OwnershipRule } from './types';
import { validateRule } from './validateRule';

const valid: OwnershipRule = {
  id: 'custom.has-description',
  defaultSeverity: 'warning',
  description: 'Entities describe themselves.',
  remediation: 'Add metadata.description to catalog-info.yaml.',
  evaluate: record =>
    record.title ? [] : [{ message: `${record.entityRef} has no title` }],
};

describe('validateRule', () => {
  it('accepts a well-formed rule', () => {
    expect(() => validateRule(valid)).not.toThrow();
  });

  it.each([
    [{ id: 'nodot' }, /Invalid rule id "nodot"/],
    [
      { defaultSeverity: 'fatal' },
      /"custom.has-description": defaultSeverity .* got "fatal"/,
    ],
    [{ description: ' ' }, /description must be a non-empty string/],
    [{ remediation: undefined }, /remediation must be a non-empty string/],
    [{ evaluate: 'yes' }, /evaluate must be a function/],
    [{ id: 42 }, /\(without id\): id must be a string/],
  ])('rejects %p', (patch, message) => {
    expect(() =>
      validateRule({ ...valid, ...(patch as object) } as OwnershipRule),
    ).toThrow(message);
  });
});
