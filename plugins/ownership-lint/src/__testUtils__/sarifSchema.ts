import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The official SARIF 2.1.0 JSON Schema (draft 2020-12), as shipped by the
 * platform package of `@microsoft/sarif-multitool` (an optional dependency
 * of it, one per operating system).
 */
function readSarifSchema(): object {
  const multitool = dirname(
    require.resolve('@microsoft/sarif-multitool/package.json'),
  );
  const platformPackage = `@microsoft/sarif-multitool-${process.platform}`;
  const file = require.resolve(`${platformPackage}/sarif-2.1.0.json`, {
    paths: [multitool],
  });
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** A validator of SARIF logs against {@link readSarifSchema}. */
export function sarifValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(readSarifSchema());
}
