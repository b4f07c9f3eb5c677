#!/usr/bin/env node
/*
 * Entry point for `npm start` / `npm test` (and `yarn start` / `yarn test`).
 *
 * 1. When the running Node.js is older than 22, fetch the Node 22 binary
 *    package for this platform from the npm registry (`node-<platform>-<arch>`,
 *    which ships the binary and its C headers) into `.tools/` and re-run this
 *    script with it.
 * 2. Install the workspace with the committed Yarn release when the lockfile
 *    or any manifest changed since the last install; native modules build
 *    against the headers of the Node.js that runs them.
 * 3. Run the named root script through Yarn.
 *
 * Usage: node scripts/bootstrap.mjs <root-script> [args...]
 *        node scripts/bootstrap.mjs --install-only
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { yarnRelease } from './lib/yarn.mjs';

const NODE_MAJOR_MIN = 22;
const NODE_VERSION = '22.23.5';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const toolsDir = path.join(root, '.tools');
const installStamp = path.join(
  root,
  'node_modules',
  '.ownership-portal-install',
);

function log(message) {
  process.stderr.write(`[bootstrap] ${message}\n`);
}

function fail(message) {
  log(`error: ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    cwd: root,
    ...options,
  });
  if (result.error) {
    fail(`could not run ${command}: ${result.error.message}`);
  }
  if (result.signal) {
    process.kill(process.pid, result.signal);
  }
  return result.status ?? 1;
}

function nodeMajor(version) {
  return Number(version.replace(/^v/, '').split('.')[0]);
}

/** Returns the directory of a Node 22 binary package, installing it when absent. */
function ensurePortableNode() {
  const platformPackage = `node-${process.platform}-${process.arch}`;
  const dir = path.join(toolsDir, `${platformPackage}-${NODE_VERSION}`);
  const binary = path.join(dir, 'bin', 'node');
  if (
    fs.existsSync(binary) &&
    fs.existsSync(path.join(dir, 'include', 'node', 'node.h'))
  ) {
    return dir;
  }
  log(
    `Node ${process.version} is older than ${NODE_MAJOR_MIN}; fetching ${platformPackage}@${NODE_VERSION} from the npm registry`,
  );
  fs.mkdirSync(toolsDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(toolsDir, 'download-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const packed = spawnSync(
      npm,
      [
        'pack',
        `${platformPackage}@${NODE_VERSION}`,
        '--silent',
        '--pack-destination',
        staging,
      ],
      {
        cwd: staging,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    if (packed.status !== 0) {
      fail(
        `npm pack ${platformPackage}@${NODE_VERSION} failed; is the npm registry reachable, and is ${process.platform}-${process.arch} published?`,
      );
    }
    const tarball = path.join(staging, packed.stdout.trim().split('\n').pop());
    const extracted = path.join(staging, 'extracted');
    fs.mkdirSync(extracted);
    if (
      run('tar', ['-xzf', tarball, '-C', extracted, '--strip-components=1']) !==
      0
    ) {
      fail(`could not extract ${tarball}`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(extracted, dir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return dir;
}

function workspaceManifests() {
  const manifests = ['package.json'];
  for (const parent of ['packages', 'plugins']) {
    const dir = path.join(root, parent);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      const manifest = path.join(parent, name, 'package.json');
      if (fs.existsSync(path.join(root, manifest))) manifests.push(manifest);
    }
  }
  return manifests;
}

function installFingerprint() {
  const hash = createHash('sha256');
  hash.update(process.version);
  for (const file of ['yarn.lock', '.yarnrc.yml', ...workspaceManifests()]) {
    hash.update(file);
    hash.update(
      fs.existsSync(path.join(root, file))
        ? fs.readFileSync(path.join(root, file))
        : '',
    );
  }
  return hash.digest('hex');
}

function ensureInstalled(yarn) {
  const fingerprint = installFingerprint();
  if (
    fs.existsSync(installStamp) &&
    fs.readFileSync(installStamp, 'utf8') === fingerprint
  ) {
    return;
  }
  log('installing dependencies with the committed Yarn release');
  const status = run(process.execPath, [yarn, 'install', '--immutable']);
  if (status !== 0) {
    fail(
      'yarn install failed (see above); if you changed a package.json, run `npm run yarn -- install` to update yarn.lock',
    );
  }
  fs.writeFileSync(installStamp, fingerprint);
}

function headerMajor(dir) {
  const versionHeader = path.join(dir, 'include', 'node', 'node_version.h');
  if (!fs.existsSync(versionHeader)) return undefined;
  const match = fs
    .readFileSync(versionHeader, 'utf8')
    .match(/#define NODE_MAJOR_VERSION (\d+)/);
  return match ? Number(match[1]) : undefined;
}

/**
 * Points node-gyp at headers that match the running Node.js. An inherited
 * `nodedir` (npm exports its own, e.g. from ~/.npmrc) may belong to another
 * Node.js version, and addons built against it fail to load.
 */
function useHeadersOfRunningNode() {
  const major = nodeMajor(process.version);
  const ownHeaders = path.resolve(path.dirname(process.execPath), '..');
  if (headerMajor(ownHeaders) === major) {
    process.env.npm_config_nodedir = ownHeaders;
    return;
  }
  const inherited = process.env.npm_config_nodedir;
  if (inherited && headerMajor(inherited) !== major) {
    log(`ignoring nodedir=${inherited}: its headers are not for Node ${major}`);
    delete process.env.npm_config_nodedir;
  }
}

function main() {
  const [script, ...args] = process.argv.slice(2);
  if (!script) {
    fail(
      'usage: node scripts/bootstrap.mjs <root-script> [args...] | --install-only | --yarn <args...>',
    );
  }

  if (nodeMajor(process.version) < NODE_MAJOR_MIN) {
    const nodeDir = ensurePortableNode();
    const env = {
      ...process.env,
      PATH: `${path.join(nodeDir, 'bin')}${path.delimiter}${
        process.env.PATH ?? ''
      }`,
      npm_config_nodedir: nodeDir,
    };
    process.exit(
      run(
        path.join(nodeDir, 'bin', 'node'),
        [fileURLToPath(import.meta.url), script, ...args],
        { env },
      ),
    );
  }

  // Native addons (better-sqlite3) compile against local headers; they must
  // never try to download prebuilt binaries or headers.
  process.env.npm_config_build_from_source ??= 'true';
  useHeadersOfRunningNode();

  const yarn = yarnRelease(root);
  if (script === '--yarn') {
    process.exit(run(process.execPath, [yarn, ...args]));
  }
  ensureInstalled(yarn);
  if (script === '--install-only') {
    return;
  }
  process.exit(run(process.execPath, [yarn, 'run', script, ...args]));
}

main();
