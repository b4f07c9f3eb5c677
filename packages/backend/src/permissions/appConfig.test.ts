import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { parse, parseAllDocuments } from 'yaml';
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

  it('signs the guest in as a member of an example team', () => {
    const ref = configOf('app-config.yaml').getString(
      'auth.providers.guest.userEntityRef',
    );
    const groups = parseAllDocuments(
      readFileSync(
        path.resolve(__dirname, '../../../../examples/org/groups.yaml'),
        'utf8',
      ),
    ).map(doc => doc.toJS());
    const name = ref.replace(/^user:default\//, '');

    expect(ref).toBe(`user:default/${name}`);
    expect(
      groups.filter(group => group?.spec?.members?.includes(name)),
    ).not.toHaveLength(0);
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
