import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..');

/** A backend started as its own process, as `npm start` starts it. */
export interface BackendProcess {
  baseUrl: string;
  pid: number;
  /** Peak resident set size so far (the kernel's VmHWM), in MiB. */
  peakRssMiB(): number;
  /** Current resident set size, in MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

/** Fails when something already listens on `port`, which would answer in the backend's place. */
function ensurePortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', () =>
      reject(
        new Error(
          `Port ${port} is taken, maybe by the backend of an interrupted benchmark; stop it and run again`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

function statusField(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const line = status.split('\n').find(l => l.startsWith(`${field}:`));
  if (!line) {
    throw new Error(`/proc/${pid}/status has no ${field}`);
  }
  return Number(line.split(/\s+/)[1]) / 1024;
}

/**
 * Starts `entry` (a TypeScript backend entry point) with Node 22 and the
 * Backstage CLI's transform, the given config files, and waits until the
 * backend's readiness check answers. Output goes to `logFile`.
 */
export async function startBackendProcess(options: {
  entry: string;
  configs: string[];
  port: number;
  logFile: string;
  env?: Record<string, string>;
  /** Extra Node flags, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
  readyTimeoutMs?: number;
}): Promise<BackendProcess> {
  await ensurePortFree(options.port);
  const log = createWriteStream(options.logFile);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(options.nodeFlags ?? []),
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      options.entry,
      ...options.configs.flatMap(c => ['--config', c]),
    ],
    {
      cwd: join(REPO, 'packages', 'backend'),
      env: { ...process.env, LOG_LEVEL: 'warn', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<number | null>(resolve =>
    child.once('exit', code => resolve(code)),
  );
  // A benchmark stopped with Ctrl-C must not leave its backend on the port.
  const killChild = () => child.kill('SIGKILL');
  process.once('exit', killChild);
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 300_000);
  let ready = false;
  while (!ready) {
    const gone = await Promise.race([
      exited.then(code => ({ code })),
      new Promise<undefined>(resolve => setTimeout(resolve, 500)),
    ]);
    if (gone) {
      throw new Error(
        `The backend exited with ${gone.code} before it was ready; see ${options.logFile}`,
      );
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(
        `The backend was not ready in time; see ${options.logFile}`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/.backstage/health/v1/readiness`);
      ready = res.ok;
    } catch {
      // not listening yet
    }
  }
  const pid = child.pid!;
  return {
    baseUrl,
    pid,
    peakRssMiB: () => statusField(pid, 'VmHWM'),
    rssMiB: () => statusField(pid, 'VmRSS'),
    async stop() {
      child.kill('SIGTERM');
      const code = await Promise.race([
        exited,
        new Promise<'timeout'>(resolve =>
          setTimeout(() => resolve('timeout'), 30_000),
        ),
      ]);
      if (code === 'timeout') {
        child.kill('SIGKILL');
        await exited;
      }
      process.off('exit', killChild);
      log.end();
    },
  };
}
