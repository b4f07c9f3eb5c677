import { resolveTarget } from './resolveTarget';

describe('resolveTarget', () => {
  it('keeps absolute http(s) and file URLs as they are', () => {
    for (const url of [
      'https://github.com/org/repo/blob/main/docs/runbook.md',
      'http://wiki.example.com/runbook',
      'file:///srv/docs/runbook.md',
    ]) {
      expect(resolveTarget(url, 'url:https://elsewhere.example.com/x')).toEqual(
        { url },
      );
      expect(resolveTarget(url)).toEqual({ url });
    }
  });

  it('resolves a relative path against the folder of a file: location', () => {
    expect(
      resolveTarget(
        'docs/runbook.md',
        'file:/work/main/examples/catalog-info.yaml',
      ),
    ).toEqual({ url: 'file:///work/main/examples/docs/runbook.md' });
    expect(
      resolveTarget(
        './../adr/',
        'file:/work/main/examples/svc/catalog-info.yaml',
      ),
    ).toEqual({ url: 'file:///work/main/examples/adr' });
    expect(
      resolveTarget('runbook.md', 'file:///srv/repo/catalog-info.yaml'),
    ).toEqual({ url: 'file:///srv/repo/runbook.md' });
  });

  it('resolves a relative path against the folder of a url: location', () => {
    const location =
      'url:https://github.com/org/repo/blob/main/catalog-info.yaml';
    expect(resolveTarget('docs/runbook.md', location)).toEqual({
      url: 'https://github.com/org/repo/blob/main/docs/runbook.md',
    });
    expect(resolveTarget('./docs/adr/', location)).toEqual({
      url: 'https://github.com/org/repo/blob/main/docs/adr/',
    });
    expect(
      resolveTarget(
        '../shared/runbook.md',
        'url:https://github.com/org/repo/blob/main/services/a/catalog-info.yaml',
      ),
    ).toEqual({
      url: 'https://github.com/org/repo/blob/main/services/shared/runbook.md',
    });
  });

  it('names the missing managed-by-location for a relative path', () => {
    expect(resolveTarget('docs/runbook.md')).toEqual({
      error: expect.stringContaining(
        'has no backstage.io/managed-by-location annotation',
      ),
    });
  });

  it('rejects other schemes and location types clearly', () => {
    expect(resolveTarget('ftp://files.example.com/runbook.md')).toEqual({
      error: expect.stringContaining('the ftp: scheme is not supported'),
    });
    expect(resolveTarget('data:text/plain,runbook')).toEqual({
      error: expect.stringContaining('the data: scheme is not supported'),
    });
    expect(
      resolveTarget(
        'docs/runbook.md',
        'github-discovery:https://github.com/org',
      ),
    ).toEqual({
      error: expect.stringContaining(
        'only file: and url: locations are supported',
      ),
    });
    expect(resolveTarget('docs/runbook.md', 'url:not a url')).toEqual({
      error: expect.stringContaining('is not a valid location'),
    });
    expect(resolveTarget('https://exa mple.com/x')).toEqual({
      error: 'Cannot read https://exa mple.com/x: it is not a valid URL',
    });
    expect(resolveTarget('  ')).toEqual({
      error: 'The document target is empty',
    });
  });
});
