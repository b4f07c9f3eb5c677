import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

jest.setTimeout(90_000);

/** How long a stopped backend may take to end its process. */
const EXIT_BOUND_MS = 5_000;

describe('shutdown', () => {
  it('ends the process by itself once the backend has stopped', async () => {
    const child = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        resolve(__dirname, '../__testUtils__/processes/startStop.ts'),
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LOG_LEVEL: 'warn' },
      },
    );
    let stdout = '';
    let stderr = '';
    let stoppedAt: number | undefined;
    child.stdout.on('data', chunk => {
      stdout += chunk;
      if (stoppedAt === undefined && stdout.includes('stopped after run')) {
        stoppedAt = Date.now();
      }
    });
    child.stderr.on('data', chunk => {
      stderr += chunk;
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);

    const code = await new Promise<number | null>(done =>
      child.on('exit', exitCode => done(exitCode)),
    );
    clearTimeout(killer);
    const exitedAt = Date.now();

    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({
      code: 0,
      stderr: '',
    });
    expect(stdout).toMatch(/stopped after run \d+ succeeded/);
    expect(exitedAt - stoppedAt!).toBeLessThan(EXIT_BOUND_MS);
  });
});
