import { LineCounter, parseAllDocuments } from 'yaml';
import { locateEntity } from './locatedEntity';

function locate(text: string, index = 0) {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter });
  return locateEntity('/repo/catalog-info.yaml', documents[index], lineCounter);
}

const TEXT = [
  '# leading comment', //                                        1
  'apiVersion: backstage.io/v1alpha1', //                        2
  'kind: Component', //                                          3
  'metadata:', //                                                4
  '  name: checkout', //                                         5
  '  links:', //                                                 6
  '    - url: https://grafana.example/d/checkout', //            7
  '    - { url: https://runbooks.example/checkout, type: runbook }', // 8
  'spec:', //                                                    9
  '  owner:', //                                                 10
  '  lifecycle: production', //                                  11
  '---', //                                                      12
  'kind: Group', //                                              13
  'metadata: { name: payments }', //                             14
].join('\n');

describe('locateEntity', () => {
  it('points at a field value, a list item and a flow mapping entry', () => {
    const located = locate(TEXT);
    expect(located.entity.metadata?.name).toBe('checkout');
    expect(located.start).toEqual({ line: 2, column: 1 });
    expect(located.position(['metadata', 'name'])).toEqual({
      line: 5,
      column: 9,
    });
    expect(located.position(['metadata', 'links', 0])).toEqual({
      line: 7,
      column: 7,
    });
    expect(located.position(['metadata', 'links', 1, 'type'])).toEqual({
      line: 8,
      column: 55,
    });
  });

  it('points at the key of a field with an empty value', () => {
    expect(locate(TEXT).position(['spec', 'owner'])).toEqual({
      line: 10,
      column: 3,
    });
  });

  it('falls back to the nearest existing parent, then to the document start', () => {
    const located = locate(TEXT);
    expect(located.position(['spec', 'system'])).toEqual({
      line: 9,
      column: 1,
    });
    expect(located.position(['metadata', 'links', 5, 'url'])).toEqual({
      line: 6,
      column: 3,
    });
    expect(located.position(['status'])).toEqual({ line: 2, column: 1 });
    expect(located.position([])).toEqual({ line: 2, column: 1 });
  });

  it('places later documents of a file by their own lines', () => {
    const located = locate(TEXT, 1);
    expect(located.entity.kind).toBe('Group');
    expect(located.start).toEqual({ line: 13, column: 1 });
    expect(located.position(['metadata', 'name'])).toEqual({
      line: 14,
      column: 19,
    });
    expect(located.position(['spec', 'children'])).toEqual({
      line: 13,
      column: 1,
    });
  });
});
