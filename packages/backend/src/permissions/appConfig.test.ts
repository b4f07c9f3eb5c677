import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { parse } from 'yaml';
import { readPolicyConfig } from './readPolicyConfig';

/** The repository's config files, layered as the backend layers them (later wins). */
function configOf(...files: string[]) {
  return ConfigReader.fromConfigs(
    files.map(file => ({
      context: file,
      data: parse(
        readFileSync(path.resolve(__dirname, '../../../..', file), 'utf8'),
      ),
    })),
  );
}

describe('the repository configuration', () => {
  it('runs allow-all and guest sign-in for development', () => {
    const config = configOf('app-config.yaml');

    expect(readPolicyConfig(config)).toEqual({ name: 'allow-all' });
    expect(config.getOptionalConfig('auth.providers')?.has('guest')).toBe(true);
  });

  it('runs the example policy and no guest sign-in in production', () => {
    const config = configOf('app-config.yaml', 'app-config.production.yaml');

    expect(readPolicyConfig(config)).toEqual({
      name: 'example',
      adminGroups: ['group:default/platform-leads'],
    });
    expect(config.getOptionalConfig('auth.providers')?.has('guest')).toBe(
      false,
    );
    expect(config.getBoolean('permission.enabled')).toBe(true);
  });
});
