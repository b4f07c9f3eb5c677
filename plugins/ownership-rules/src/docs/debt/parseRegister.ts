import type { TechDebtItem } from '@ownership-portal/plugin-ownership-common';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import registerSchema from '../../../schema/tech-debt-register.schema.json';
import { yamlLimitProblem } from '../yamlLimits';

/** A register item as read from the file; the caller adds the `source`. */
type RegisterItem = Omit<TechDebtItem, 'source'>;

/** What {@link parseRegister} found in a register file. */
interface ParsedRegister {
  /** The valid items, in file order. */
  items: RegisterItem[];
  /** What is wrong with the file, each naming the URL and the line. */
  problems: string[];
}

/**
 * Longest register read, in characters: about 1,500 items. The YAML library
 * takes over a second per 200 KiB of hostile input, and the audit reads
 * each service's register on every run.
 */
export const MAX_REGISTER_CHARS = 256 * 1024;
/** YAML errors beyond this many are summarised in one more problem. */
const MAX_YAML_ERRORS = 10;
/** Schema and duplicate problems beyond this many are summarised in one more. */
const MAX_PROBLEMS = 50;

let validator: ValidateFunction | undefined;

/** The schema's validator, compiled once. */
function validate(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: true, verbose: true });
    addFormats(ajv, ['date', 'uri']);
    validator = ajv.compile(registerSchema);
  }
  return validator;
}

const DATE_FIELDS = ['created', 'due'] as const;
const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[Tt ]\d{2}:\d{2}/;

/**
 * A YAML date as `YYYY-MM-DD`: a `Date` (YAML 1.1 timestamps) by its UTC
 * date, a timestamp string by the date written in it. Anything else is
 * left for the schema to judge.
 */
function normaliseDate(value: unknown): unknown {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? String(value)
      : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return ISO_TIMESTAMP.exec(trimmed)?.[1] ?? trimmed;
  }
  return value;
}

/** Path segments of an ajv instance path, e.g. `/items/2/impact`. */
function segments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `items[2].impact` for `['items', '2', 'impact']`. */
function display(path: string[]): string {
  return path.reduce(
    (out, segment) =>
      /^\d+$/.test(segment)
        ? `${out}[${segment}]`
        : `${out}${out ? '.' : ''}${segment}`,
    '',
  );
}

/**
 * The line of the deepest node of the document along `path`: the key's line
 * for a mapping entry, the entry's line for a sequence item.
 */
function lineOf(
  document: Document,
  lines: LineCounter,
  path: string[],
): number | undefined {
  const at = (node: unknown) => {
    const range = (node as YamlNode | null)?.range;
    return range ? Math.max(1, lines.linePos(range[0]).line) : undefined;
  };
  let node: unknown = document.contents;
  let line = at(node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        p => isPair(p) && isScalar(p.key) && String(p.key.value) === segment,
      );
      if (!pair) {
        break;
      }
      line = at(pair.key) ?? line;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
      line = at(node) ?? line;
    } else {
      break;
    }
  }
  return line;
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
};

function shown(value: unknown): string {
  if (value instanceof Date) {
    return value.toISOString();
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The offending field of an error and what is wrong with it, in words. */
function describe(
  error: ErrorObject,
  value: unknown,
): { path: string[]; message: string } {
  const path = segments(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return {
        path: [...path, String(params.missingProperty)],
        message: 'is required but missing',
      };
    case 'additionalProperties': {
      const allowed = Object.keys(
        (error.parentSchema as { properties?: object })?.properties ?? {},
      ).filter(k => k !== '$schema');
      return {
        path: [...path, String(params.additionalProperty)],
        message: `is not a register field; the fields are ${allowed.join(
          ', ',
        )}`,
      };
    }
    case 'enum':
      return {
        path,
        message: `must be one of ${(params.allowedValues as unknown[]).join(
          ', ',
        )}, got ${shown(value)}`,
      };
    case 'type':
      return {
        path,
        message: `must be ${
          TYPE_NAMES[String(params.type)] ?? `a ${params.type}`
        }, got ${shown(value)}`,
      };
    case 'format':
    case 'pattern': {
      const field = path[path.length - 1];
      const what =
        params.format === 'date' || field === 'created' || field === 'due'
          ? 'a date, YYYY-MM-DD'
          : 'an http(s) URL';
      return { path, message: `must be ${what}, got ${shown(value)}` };
    }
    case 'minimum':
      return {
        path,
        message: `must be ${params.limit} or more, got ${shown(value)}`,
      };
    case 'minLength':
      return { path, message: 'must not be empty' };
    default:
      return { path, message: error.message ?? 'is invalid' };
  }
}

function valueAt(data: unknown, path: string[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') {
      return undefined;
    }
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

function capped(problems: string[], url: string): string[] {
  if (problems.length <= MAX_PROBLEMS) {
    return problems;
  }
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    `${url}: ${problems.length - MAX_PROBLEMS} more problems after these`,
  ];
}

function toItem(raw: Record<string, unknown>): RegisterItem {
  const item: RegisterItem = {
    id: raw.id as string,
    title: raw.title as string,
    impact: raw.impact as RegisterItem['impact'],
    effort: raw.effort as number,
    created: raw.created as string,
    status: raw.status as RegisterItem['status'],
  };
  if (raw.due !== undefined) {
    item.due = raw.due as string;
  }
  if (raw.issue !== undefined) {
    item.issue = raw.issue as string;
  }
  if (raw.owner !== undefined) {
    item.owner = raw.owner as string;
  }
  return item;
}

/**
 * Reads a tech debt register (YAML or JSON) against
 * `schema/tech-debt-register.schema.json`. Never throws: a syntax error,
 * each schema violation and each duplicate id is a problem that names the
 * URL, the item and the line. Items that violate the schema, and later
 * items with an id already used, are left out; the rest are kept. Dates
 * come out as `YYYY-MM-DD`. An empty file is an empty register.
 */
export function parseRegister(
  text: string,
  { url }: { url: string },
): ParsedRegister {
  try {
    return parse(text, url);
  } catch (error) {
    return {
      items: [],
      problems: [`${url}: could not be read as a register: ${error}`],
    };
  }
}

function parse(text: string, url: string): ParsedRegister {
  const lines = new LineCounter();
  const source = text.replace(/^\uFEFF/, '');
  if (source.length > MAX_REGISTER_CHARS) {
    return {
      items: [],
      problems: [
        `${url}: the register is longer than ${
          MAX_REGISTER_CHARS / 1024
        } KiB (about 1,500 items); it is not read`,
      ],
    };
  }
  const beyond = yamlLimitProblem(source);
  if (beyond) {
    return {
      items: [],
      problems: [`${url} line ${beyond.line}: ${beyond.message}`],
    };
  }
  const document = parseDocument(source, {
    lineCounter: lines,
    prettyErrors: false,
  });

  if (document.errors.length) {
    const problems = document.errors.slice(0, MAX_YAML_ERRORS).map(error => {
      const message = error.message.split('\n')[0];
      let offset = error.pos[0];
      // An unclosed quote is reported where the file ends; its line is the
      // one where the quote opened.
      const quote = /^Missing closing (["'])quote/.exec(message)?.[1];
      if (quote) {
        const opened = source.lastIndexOf(quote, offset - 1);
        offset = opened >= 0 ? opened : offset;
      }
      const line = Math.max(1, lines.linePos(offset).line);
      return `${url} line ${line}: ${message}`;
    });
    if (document.errors.length > MAX_YAML_ERRORS) {
      problems.push(
        `${url}: ${
          document.errors.length - MAX_YAML_ERRORS
        } more YAML errors after these`,
      );
    }
    return { items: [], problems };
  }

  const data: unknown = document.toJS({ maxAliasCount: 100 });
  if (data === null || data === undefined) {
    return { items: [], problems: [] };
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      items: [],
      problems: [
        `${url} line ${
          lineOf(document, lines, []) ?? 1
        }: a register is a mapping with an "items" list, got ${
          Array.isArray(data) ? 'a list' : shown(data)
        }`,
      ],
    };
  }

  const rawItems = (data as { items?: unknown }).items;
  if (Array.isArray(rawItems)) {
    for (const raw of rawItems) {
      if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
        for (const field of DATE_FIELDS) {
          if (field in raw) {
            (raw as Record<string, unknown>)[field] = normaliseDate(
              (raw as Record<string, unknown>)[field],
            );
          }
        }
      }
    }
  }

  const problems: string[] = [];
  const invalid = new Set<number>();
  const check = validate();
  if (!check(data)) {
    const reported = new Set<string>();
    for (const error of check.errors ?? []) {
      const at = segments(error.instancePath);
      const { path, message } = describe(error, valueAt(data, at));
      const name = display(path);
      if (at[0] === 'items' && at.length >= 2) {
        invalid.add(Number(at[1]));
      } else if (at.length === 0 && path[0] !== 'items') {
        // An unknown top-level field does not spoil the items.
      } else {
        invalid.add(-1);
      }
      if (reported.has(name)) {
        continue;
      }
      reported.add(name);
      const line = lineOf(document, lines, path);
      const item: unknown =
        at[0] === 'items' && Array.isArray(rawItems)
          ? rawItems[Number(at[1])]
          : undefined;
      const itemId = valueAt(item, ['id']);
      const id = typeof itemId === 'string' ? ` (item "${itemId}")` : '';
      problems.push(
        `${url} ${name || 'register'}${
          line ? ` (line ${line})` : ''
        }: ${message}${id}`,
      );
    }
  }
  if (invalid.has(-1) || !Array.isArray(rawItems)) {
    return { items: [], problems: capped(problems, url) };
  }

  const items: RegisterItem[] = [];
  const firstById = new Map<string, number>();
  rawItems.forEach((raw, index) => {
    if (invalid.has(index)) {
      return;
    }
    const item = toItem(raw as Record<string, unknown>);
    const first = firstById.get(item.id);
    if (first !== undefined) {
      const line = lineOf(document, lines, ['items', String(index), 'id']);
      const firstLine = lineOf(document, lines, ['items', String(first), 'id']);
      problems.push(
        `${url} items[${index}].id (line ${line}): duplicate id "${item.id}", already used by items[${first}] (line ${firstLine}); this item is left out`,
      );
      return;
    }
    firstById.set(item.id, index);
    items.push(item);
  });
  return { items, problems: capped(problems, url) };
}
