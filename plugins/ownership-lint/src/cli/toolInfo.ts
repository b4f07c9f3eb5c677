import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ToolInfo } from '../format/types';

const PACKAGE_NAME = '@ownership-portal/ownership-lint';
const HOME_PAGE =
  'https://github.com/ownership-portal/ownership-portal/tree/main/plugins/ownership-lint#readme';

/**
 * The tool's name, version and home page, read from the package's own
 * package.json (found above this file both in src/ and in dist/).
 */
export function readToolInfo(
  // The CLI is not bundled into an app: both src/ and dist/ sit in the package.
  // eslint-disable-next-line no-restricted-syntax
  from: string = __dirname,
): ToolInfo {
  let folder = from;
  for (let depth = 0; depth < 5; depth++) {
    const file = join(folder, 'package.json');
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      if (manifest.name === PACKAGE_NAME) {
        return {
          name: 'ownership-lint',
          version: String(manifest.version),
          informationUri: String(manifest.homepage ?? HOME_PAGE),
        };
      }
    }
    folder = dirname(folder);
  }
  return {
    name: 'ownership-lint',
    version: '0.0.0',
    informationUri: HOME_PAGE,
  };
}
