import { parseRegister } from './parseRegister';

const url = 'https://github.com/acme/payments/blob/main/tech-debt.yaml';

const VALID = `# Tech debt of the payments API
items:
  - id: DEBT-1
    title: Replace the legacy auth client
    impact: high
    effort: 5
    created: 2026-03-01
    due: 2026-12-31
    status: in-progress
    issue: https://github.com/acme/payments/issues/12
    owner: group:default/payments
  - id: DEBT-2
    title: Drop the v1 endpoints
    impact: low
    effort: 0.5
    created: '2026-06-15'
    status: open
`;

describe('parseRegister', () => {
  it('reads a valid register', () => {
    expect(parseRegister(VALID, { url })).toEqual({
      items: [
        {
          id: 'DEBT-1',
          title: 'Replace the legacy auth client',
          impact: 'high',
          effort: 5,
          created: '2026-03-01',
          due: '2026-12-31',
          status: 'in-progress',
          issue: 'https://github.com/acme/payments/issues/12',
          owner: 'group:default/payments',
        },
        {
          id: 'DEBT-2',
          title: 'Drop the v1 endpoints',
          impact: 'low',
          effort: 0.5,
          created: '2026-06-15',
          status: 'open',
        },
      ],
      problems: [],
    });
  });

  it('reads the same register written as JSON', () => {
    const json = JSON.stringify({
      items: [
        {
          id: 'A',
          title: 'a',
          impact: 'medium',
          effort: 1,
          created: '2026-01-02',
          status: 'open',
        },
      ],
    });
    expect(parseRegister(json, { url }).items).toHaveLength(1);
  });

  it('reports a YAML syntax error with its line and keeps no items', () => {
    const broken = `items:
  - id: DEBT-1
    title: Fine
    impact: low
    effort: 1
    created: 2026-01-01
    status: "open
  - id: DEBT-2
`;
    const { items, problems } = parseRegister(broken, { url });
    expect(items).toEqual([]);
    expect(problems).toEqual([`${url} line 7: Missing closing "quote`]);

    const indented = parseRegister(
      'items:\n  - id: a\n    title: b\n   bad: indentation\n',
      { url },
    );
    expect(indented.problems[0]).toBe(
      `${url} line 4: Sequence item without - indicator`,
    );
  });

  it('reports duplicate keys as YAML errors with their line', () => {
    const { problems } = parseRegister(
      'items:\n  - id: a\n    id: b\n    title: t\n',
      { url },
    );
    expect(problems[0]).toMatch(/line 3: Map keys must be unique/);
  });

  it('names the item, the field and its line for each schema error, and keeps the valid items', () => {
    const text = `items:
  - id: OK-1
    title: Fine
    impact: low
    effort: 1
    created: 2026-01-01
    status: open
  - id: BAD-1
    title: Wrong impact and date
    impact: urgent
    effort: -2
    created: 2026-02-30
    status: open
  - id: OK-2
    title: Also fine
    impact: critical
    effort: 3
    created: 2026-01-01
    status: done
  - title: No id and a stray field
    impact: medium
    effort: 1
    created: 2026-01-01
    status: later
    severity: high
    issue: not a url
`;
    const { items, problems } = parseRegister(text, { url });
    expect(items.map(i => i.id)).toEqual(['OK-1', 'OK-2']);
    expect(problems).toEqual([
      `${url} items[1].impact (line 10): must be one of low, medium, high, critical, got "urgent" (item "BAD-1")`,
      `${url} items[1].effort (line 11): must be 0 or more, got -2 (item "BAD-1")`,
      `${url} items[1].created (line 12): must be a date, YYYY-MM-DD, got "2026-02-30" (item "BAD-1")`,
      `${url} items[3].id (line 20): is required but missing`,
      `${url} items[3].severity (line 25): is not a register field; the fields are id, title, impact, effort, created, due, status, issue, owner`,
      `${url} items[3].status (line 24): must be one of open, in-progress, done, wont-fix, got "later"`,
      `${url} items[3].issue (line 26): must be an http(s) URL, got "not a url"`,
    ]);
  });

  it('matches the example in the brief: items[2].impact with its line', () => {
    const item = (id: string, impact = 'low') =>
      [
        `  - id: ${id}`,
        `    title: Item ${id}`,
        `    impact: ${impact}`,
        `    effort: 1`,
        `    created: 2026-01-01`,
        `    status: open`,
      ].join('\n');
    const text = `items:\n${item('A')}\n${item('B')}\n\n${item('C', 'huge')}\n`;
    expect(parseRegister(text, { url }).problems).toEqual([
      `${url} items[2].impact (line 17): must be one of low, medium, high, critical, got "huge" (item "C")`,
    ]);
  });

  it('reports a register that is not a mapping with items', () => {
    expect(parseRegister('- id: a\n', { url }).problems).toEqual([
      `${url} line 1: a register is a mapping with an "items" list, got a list`,
    ]);
    expect(parseRegister('debt: []\n', { url }).problems).toEqual([
      `${url} items (line 1): is required but missing`,
      `${url} debt (line 1): is not a register field; the fields are items`,
    ]);
    expect(parseRegister('items: none\n', { url }).problems).toEqual([
      `${url} items (line 1): must be a list, got "none"`,
    ]);
  });

  it('reports a repeated id on the later item and keeps the first', () => {
    const text = `items:
  - id: DEBT-1
    title: First
    impact: low
    effort: 1
    created: 2026-01-01
    status: open
  - id: DEBT-1
    title: Second
    impact: low
    effort: 1
    created: 2026-01-01
    status: open
`;
    const { items, problems } = parseRegister(text, { url });
    expect(items.map(i => i.title)).toEqual(['First']);
    expect(problems).toEqual([
      `${url} items[1].id (line 8): duplicate id "DEBT-1", already used by items[0] (line 2); this item is left out`,
    ]);
  });

  it('normalises dates written as YAML timestamps, strings and date-times', () => {
    const entry = (id: string, created: string, due: string) =>
      `  - { id: ${id}, title: t, impact: low, effort: 1, status: open, created: ${created}, due: ${due} }`;
    const yaml12 = `items:\n${[
      entry('plain', '2026-01-05', '2026-02-01'),
      entry('quoted', "'2026-01-05'", '"2026-02-01"'),
      entry('timestamp', '2026-01-05T23:30:00Z', '2026-02-01 10:00:00'),
    ].join('\n')}\n`;
    // YAML 1.1 turns unquoted dates and timestamps into Date objects.
    const yaml11 = `%YAML 1.1\n---\nitems:\n${[
      entry('date', '2026-01-05', '2026-02-01'),
      entry('datetime', '2026-01-05T10:00:00Z', '2026-02-01t08:00:00.5Z'),
    ].join('\n')}\n`;
    for (const [text, count] of [
      [yaml12, 3],
      [yaml11, 2],
    ] as const) {
      const { items, problems } = parseRegister(text, { url });
      expect(problems).toEqual([]);
      expect(items).toHaveLength(count);
      for (const item of items) {
        expect([item.id, item.created, item.due]).toEqual([
          item.id,
          '2026-01-05',
          '2026-02-01',
        ]);
      }
    }
  });

  it('takes an empty file, or one with only comments, as an empty register', () => {
    expect(parseRegister('', { url })).toEqual({ items: [], problems: [] });
    expect(parseRegister('# nothing yet\n', { url })).toEqual({
      items: [],
      problems: [],
    });
    expect(parseRegister('items: []\n', { url })).toEqual({
      items: [],
      problems: [],
    });
  });

  it('reads a 2,000-item register quickly, and caps the problems of a broken one', () => {
    const item = (i: number, impact = 'medium') =>
      `  - id: DEBT-${i}\n    title: Item ${i}\n    impact: ${impact}\n    effort: ${
        i % 7
      }\n    created: 2026-01-01\n    status: open\n`;
    const big = `items:\n${Array.from({ length: 2000 }, (_, i) => item(i)).join(
      '',
    )}`;
    const started = Date.now();
    const { items, problems } = parseRegister(big, { url });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(problems).toEqual([]);
    expect(items).toHaveLength(2000);
    expect(items[1999]).toMatchObject({ id: 'DEBT-1999', effort: 1999 % 7 });

    const broken = `items:\n${Array.from({ length: 2000 }, (_, i) =>
      item(i, i % 2 ? 'bad' : 'low'),
    ).join('')}`;
    const result = parseRegister(broken, { url });
    expect(result.items).toHaveLength(1000);
    expect(result.problems).toHaveLength(51);
    expect(result.problems[0]).toBe(
      `${url} items[1].impact (line 10): must be one of low, medium, high, critical, got "bad" (item "DEBT-1")`,
    );
    expect(result.problems[50]).toBe(`${url}: 950 more problems after these`);
  });

  it('never throws, whatever it is given', () => {
    for (const text of [
      '*alias',
      '!!binary nope',
      'items:\n  - 42\n  - null\n  - [1]\n',
      '\uFEFFitems: []',
      'a: &a [*a]',
      '"',
    ]) {
      expect(() => parseRegister(text, { url })).not.toThrow();
    }
    expect(parseRegister('items:\n  - 42\n', { url }).problems[0]).toBe(
      `${url} items[0] (line 2): must be a mapping, got 42`,
    );
  });
});
