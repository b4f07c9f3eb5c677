#!/usr/bin/env node
// Lists the folder -> folder imports of a source tree and fails on a cycle
// between folders, which file-level tools such as madge do not report.
//
//   node scripts/folder-imports.mjs plugins/ownership-backend/src [depth]
//
// A file belongs to the folder made of the first `depth` parts (default 1) of
// its path below the root; files directly in the root belong to `.`.
// Production code only: tests, test utilities (`__testUtils__`, `__replica__`)
// and fixtures are left out, since a test may reach into any layer.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const [rootArg, depthArg = '1'] = process.argv.slice(2);
if (!rootArg) {
  console.error('usage: folder-imports.mjs <source folder> [depth]');
  process.exit(2);
}
const root = resolve(rootArg);
const depth = Number(depthArg);

function sourceFiles(dir) {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return name === 'node_modules' || name.startsWith('__')
        ? []
        : sourceFiles(path);
    }
    return /\.(ts|tsx|js|mjs|cjs)$/.test(name) &&
      !/\.test\.|setupTests\./.test(name)
      ? [path]
      : [];
  });
}

function folderOf(file) {
  const parts = relative(root, file).split(sep).slice(0, -1);
  return parts.length ? parts.slice(0, depth).join('/') : '.';
}

// `import x from './a'`, `export * from './a'`, `import './a'`, `import('./a')`,
// `require('./a')`, `jest.mock('./a')`; relative paths only.
const importPattern =
  /(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]*)['"]|(?:^|;)\s*import\s*['"](\.[^'"]*)['"]|(?:import|require|jest\.mock)\(\s*['"](\.[^'"]*)['"]/gm;

const edges = new Map();
for (const file of sourceFiles(root)) {
  const from = folderOf(file);
  for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
    const target = resolve(dirname(file), match[1] ?? match[2] ?? match[3]);
    if (relative(root, target).startsWith('..')) {
      continue;
    }
    // `../actions` names a folder's index file; `../org/refs` names a file.
    const toFolder = statSyncSafe(target)?.isDirectory()
      ? folderOf(join(target, 'index.ts'))
      : folderOf(target);
    if (toFolder !== from) {
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from).add(toFolder);
    }
  }
}

function statSyncSafe(path) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

for (const [from, tos] of [...edges].sort()) {
  console.log(`${from} -> ${[...tos].sort().join(', ')}`);
}

// Tarjan's strongly connected components: a component of more than one
// folder is a cycle.
let index = 0;
const indices = new Map();
const lowlinks = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function visit(node) {
  indices.set(node, index);
  lowlinks.set(node, index);
  index++;
  stack.push(node);
  onStack.add(node);
  for (const next of edges.get(node) ?? []) {
    if (!indices.has(next)) {
      visit(next);
      lowlinks.set(node, Math.min(lowlinks.get(node), lowlinks.get(next)));
    } else if (onStack.has(next)) {
      lowlinks.set(node, Math.min(lowlinks.get(node), indices.get(next)));
    }
  }
  if (lowlinks.get(node) === indices.get(node)) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) {
      cycles.push(component.sort());
    }
  }
}
for (const node of edges.keys()) {
  if (!indices.has(node)) visit(node);
}

if (cycles.length) {
  for (const cycle of cycles) {
    console.log(`cycle between folders: ${cycle.join(' <-> ')}`);
  }
  process.exit(1);
}
console.log('no cycle between folders');
