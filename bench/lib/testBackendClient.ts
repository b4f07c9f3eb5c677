import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

/** A `startTestBackend` backend's ownership API, as the in-process benches call it. */
export function ownershipClient(backend: { server: Server }) {
  const base = `http://127.0.0.1:${
    (backend.server.address() as AddressInfo).port
  }/api/ownership`;
  const call = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${base}${path}`, init);
    if (!res.ok) {
      throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    }
    return res.json();
  };
  /** Starts an audit and resolves with the run once it has succeeded. */
  const runAudit = async (pollMs = 100) => {
    const run = await call('/runs', { method: 'POST' });
    let latest = run;
    while (latest.status === 'running') {
      await new Promise(resolve => setTimeout(resolve, pollMs));
      latest = await call(`/runs/${run.id}`);
    }
    if (latest.status !== 'succeeded') {
      throw new Error(`The audit failed: ${latest.error}`);
    }
    return latest;
  };
  return { base, call, runAudit };
}
