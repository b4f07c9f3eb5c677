import { parseFrontMatter } from './frontMatter';

describe('parseFrontMatter', () => {
  it('splits fields from the body', () => {
    expect(
      parseFrontMatter(
        '---\nlast_reviewed: 2026-10-01\ntitle: Restart\n---\n# Restart\n',
      ),
    ).toEqual({
      data: { last_reviewed: '2026-10-01', title: 'Restart' },
      body: '# Restart\n',
    });
  });

  it('leaves documents without front matter alone', () => {
    expect(parseFrontMatter('# Title\n---\nnot front matter')).toEqual({
      data: {},
      body: '# Title\n---\nnot front matter',
    });
  });

  it('reports malformed front matter with its line and keeps the body', () => {
    const result = parseFrontMatter(
      '---\ntitle: ok\nstatus: [unclosed\n---\nBody\n',
    );
    expect(result.body).toBe('Body\n');
    expect(result.data).toEqual({});
    expect(result.error).toMatch(/^front matter line \d+: /);
  });

  it('rejects front matter that is not a mapping', () => {
    expect(parseFrontMatter('---\n- a\n- b\n---\nx').error).toBe(
      'front matter is not a mapping of fields',
    );
  });
});
