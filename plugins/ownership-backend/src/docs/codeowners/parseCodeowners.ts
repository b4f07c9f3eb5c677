import { parse } from 'codeowners-utils';

/**
 * The default owners of a CODEOWNERS file: the owners of its last `*`
 * pattern, as written (later lines take precedence in CODEOWNERS). Empty
 * when the file has no `*` line, or that line names nobody.
 */
export function defaultCodeowners(text: string): string[] {
  // codeowners-utils lists entries last line first.
  const entry = parse(text.replace(/\r\n?/g, '\n')).find(
    e => e.pattern === '*',
  );
  return entry ? entry.owners.filter(owner => owner.trim() !== '') : [];
}
