import { sloOf } from './slo';

describe('sloOf', () => {
  it('prefers a link of type slo, in any case, over the annotation', () => {
    expect(
      sloOf({
        links: [
          { url: 'https://grafana.example/d/x', type: 'dashboard' },
          { url: 'https://slo.example/x', title: 'X SLOs', type: ' SLO ' },
        ],
        annotations: { 'ownership-portal/slo': 'docs/slo.md' },
      }),
    ).toEqual({
      target: 'https://slo.example/x',
      title: 'X SLOs',
      source: 'link',
    });
  });

  it('reads the annotation, a URL or a relative file', () => {
    expect(
      sloOf({ annotations: { 'ownership-portal/slo': ' ../docs/slo.md ' } }),
    ).toEqual({ target: '../docs/slo.md', source: 'annotation' });
  });

  it('finds none in blank values, other link types or malformed links', () => {
    expect(
      sloOf({
        links: [{ url: ' ', type: 'slo' }, { type: 'slo' }, { url: 'x' }],
        annotations: { 'ownership-portal/slo': '  ' },
      }),
    ).toBeUndefined();
    expect(sloOf({})).toBeUndefined();
  });
});
