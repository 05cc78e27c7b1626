import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** The built API; PARLEY_API_MAIN points the tests at another build (e.g. one with a candidate fix). */
export const MAIN = resolve(process.env['PARLEY_API_MAIN'] ?? resolve(__dirname, '../../dist/apps/api/main.js'));

export interface ApiProcess {
  proc: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the built API with the given environment (on top of a minimal one, not the test runner's). */
export function startApi(env: Record<string, string>): ApiProcess {
  let out = '';
  const proc = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LOG_LEVEL: 'info', CONSOLE_DIR: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return { proc, url: `http://127.0.0.1:${env['PORT']}`, output: () => out, exited };
}

export async function waitForHealth(api: ApiProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (api.proc.exitCode !== null) throw new Error(`API exited with ${api.proc.exitCode}:\n${api.output()}`);
    try {
      const res = await fetch(`${api.url}/api/health`);
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`API not healthy after ${timeoutMs} ms:\n${api.output()}`);
}

/**
 * A port that is free now and below Linux's ephemeral range (32768+), so an outgoing connection (to
 * Postgres, the fake model...) cannot take it between this check and the API's listen, or between a
 * killed process and its restart.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '0.0.0.0', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
}
