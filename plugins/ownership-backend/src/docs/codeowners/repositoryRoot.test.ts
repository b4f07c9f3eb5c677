import { repositoryRoot } from './repositoryRoot';

describe('repositoryRoot', () => {
  it.each([
    [
      'url:https://github.com/acme/payments/tree/main/',
      'https://github.com/acme/payments/tree/main/',
    ],
    [
      'url:https://github.com/acme/mono/tree/main/services/api',
      'https://github.com/acme/mono/tree/main/',
    ],
    [
      'url:https://gitlab.example.com/acme/platform/mono/-/blob/main/svc/',
      'https://gitlab.example.com/acme/platform/mono/-/blob/main/',
    ],
    [
      'url:https://git.example.com/payments/',
      'https://git.example.com/payments/',
    ],
    ['file:/srv/repos/payments/', 'file:///srv/repos/payments/'],
  ])('takes the repository root of source location %s', (location, root) => {
    expect(
      repositoryRoot({
        'backstage.io/source-location': location,
        'backstage.io/managed-by-location': 'file:/elsewhere/catalog-info.yaml',
      }),
    ).toBe(root);
  });

  it('falls back to the folder of the managed-by location', () => {
    expect(
      repositoryRoot({
        'backstage.io/managed-by-location':
          'file:/srv/examples/repos/routing/catalog-info.yaml',
      }),
    ).toBe('file:///srv/examples/repos/routing/');
  });

  it.each([
    [{}],
    [{ 'backstage.io/source-location': 'not a location' }],
    [{ 'backstage.io/source-location': 'url:ftp://example.com/repo/' }],
    [{ 'backstage.io/managed-by-location': 'file:relative/catalog-info.yaml' }],
  ])('is undefined without a readable location: %j', annotations => {
    expect(repositoryRoot(annotations)).toBeUndefined();
  });
});
