import {
  isMap,
  isSeq,
  isScalar,
  type Document,
  type LineCounter,
  type Node,
} from 'yaml';
import type { EntityDocument, LocatedEntity, Position } from '../lint/types';

/** The start of a node's source range as a 1-based line and column. */
function positionAt(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function keyMatches(key: unknown, segment: string | number): boolean {
  const value = isScalar(key) ? key.value : key;
  return String(value) === String(segment);
}

interface Step {
  /** The key's node, when the step went through a mapping. */
  key?: Node;
  value: Node | null;
}

/** One step down from a collection node, or undefined when there is no such child. */
function child(node: Node | null, segment: string | number): Step | undefined {
  if (isMap(node)) {
    const pair = node.items.find(item => keyMatches(item.key, segment));
    if (!pair) {
      return undefined;
    }
    return {
      key: pair.key as Node,
      value: (pair.value as Node | null) ?? null,
    };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined;
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}

function nodeStart(node: Node | null | undefined): number | undefined {
  return node?.range ? node.range[0] : undefined;
}

/**
 * Builds a {@link LocatedEntity} for one YAML document. `position(path)` gives
 * the start of the field's value (its key when the value is empty); for a
 * field that is absent, the key of its nearest existing parent; for the
 * document itself, where its content starts.
 */
export function locateEntity(
  file: string,
  document: Document,
  lineCounter: LineCounter,
): LocatedEntity {
  const entity = document.toJS() as EntityDocument;
  const root = document.contents as Node | null;
  const start = positionAt(
    lineCounter,
    nodeStart(root) ?? document.range?.[0] ?? 0,
  );

  return {
    entity,
    file,
    start,
    position(path: Array<string | number>): Position {
      let node: Node | null = root;
      let last: Step | undefined = undefined;
      for (const segment of path) {
        const step = child(node, segment);
        if (!step) {
          // Absent: point at the nearest existing parent's key (where the
          // field would be added), or at the document's start.
          const offset = last
            ? nodeStart(last.key) ?? nodeStart(last.value)
            : undefined;
          return offset === undefined ? start : positionAt(lineCounter, offset);
        }
        last = step;
        node = step.value;
      }
      if (!last) {
        return start;
      }
      const emptyValue =
        !last.value || (isScalar(last.value) && last.value.value === null);
      const offset = emptyValue
        ? nodeStart(last.key) ?? nodeStart(last.value)
        : nodeStart(last.value) ?? nodeStart(last.key);
      return offset === undefined ? start : positionAt(lineCounter, offset);
    },
  };
}
