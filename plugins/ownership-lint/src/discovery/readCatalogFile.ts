import { LineCounter, parseAllDocuments } from 'yaml';
import { LintUsageError } from '../cli/errors';
import { readTextFile } from '../cli/readTextFile';
import { yamlSyntaxError } from '../cli/yamlSyntaxError';
import type { LocatedEntity } from '../lint/types';
import { locateEntity } from './locatedEntity';
import type { DiscoveryNote } from './types';

/** The entities of one catalog file, and notes about documents that are not entities. */
interface CatalogFileContents {
  entities: LocatedEntity[];
  notes: DiscoveryNote[];
}

function describe(value: unknown): string {
  if (Array.isArray(value)) {
    return 'a list';
  }
  return `a ${typeof value} (${JSON.stringify(value)?.slice(0, 40)})`;
}

/**
 * A `catalog-info.yaml` inside a software template's skeleton holds
 * `${{ values.name }}` expressions that the scaffolder fills in; linting it
 * would report the expressions as bad owners and names. Templates themselves
 * (`kind: Template`) are not skeletons.
 */
function isTemplateSkeleton(value: object, source: string): boolean {
  return (
    source.includes('${{') &&
    String((value as { kind?: unknown }).kind).toLocaleLowerCase('en-US') !==
      'template'
  );
}

/**
 * Parses a catalog file's YAML documents. Empty documents are noted and
 * ignored, as the catalog ignores them, and so are template skeletons; a
 * document that is not a mapping, or
 * any YAML error, throws a {@link LintUsageError} naming the file, line and
 * column.
 *
 * @param file - absolute path of the file
 * @param display - how the file is named in messages (relative to the cwd)
 */
export async function readCatalogFile(
  file: string,
  display: string,
): Promise<CatalogFileContents> {
  const text = await readTextFile(file, display);

  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter });
  const entities: LocatedEntity[] = [];
  const notes: DiscoveryNote[] = [];
  if (documents.length === 0) {
    notes.push({
      file,
      line: 1,
      column: 1,
      message: 'the file holds no YAML documents (ignored)',
    });
    return { entities, notes };
  }

  documents.forEach((document, index) => {
    const error = document.errors[0];
    if (error) {
      throw yamlSyntaxError(display, error, lineCounter);
    }
    const { line, col } = lineCounter.linePos(
      (document.contents?.range ?? document.range)[0],
    );
    const value = document.toJS();
    if (value === null || value === undefined) {
      // The line of the `---` that opens the empty document.
      notes.push({
        file,
        line,
        column: 1,
        message: `document ${index + 1} is empty (ignored)`,
      });
      return;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new LintUsageError(
        `${display}:${line}:${col}: document ${index + 1} is ${describe(
          value,
        )}, not an entity (expected a mapping with apiVersion, kind, metadata and spec)`,
      );
    }
    const source = text.slice(document.range[0], document.range[2]);
    if (isTemplateSkeleton(value, source)) {
      notes.push({
        file,
        line,
        column: 1,
        message: `document ${
          index + 1
        } holds software template expressions (\${{ … }}): a template skeleton, not an entity (ignored)`,
      });
      return;
    }
    entities.push(locateEntity(file, document, lineCounter));
  });
  return { entities, notes };
}
