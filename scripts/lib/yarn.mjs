import fs from 'node:fs';
import path from 'node:path';

/** The committed Yarn release that `.yarnrc.yml` names (`yarnPath`). */
export function yarnRelease(root) {
  const rc = fs.readFileSync(path.join(root, '.yarnrc.yml'), 'utf8');
  const match = rc.match(/^yarnPath:\s*(\S+)\s*$/m);
  if (!match) {
    throw new Error(`${path.join(root, '.yarnrc.yml')} has no yarnPath`);
  }
  return path.join(root, match[1]);
}
