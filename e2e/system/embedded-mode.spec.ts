import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startApi, waitForHealth } from './api-process';

const portOpen = (port: number) =>
  new Promise<boolean>((r) => {
    const s = connect(port, '127.0.0.1');
    s.on('connect', () => (s.destroy(), r(true)));
    s.on('error', () => r(false));
  });

async function json(url: string, init?: RequestInit & { token?: string }) {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...(init?.token && { authorization: `Bearer ${init.token}` }) } });
  return { status: res.status, body: await res.json().catch(() => null) };
}

describe('embedded database mode (DATABASE_URL unset)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-embedded-'));
  let pgPort: number;
  beforeAll(async () => {
    pgPort = await freePort();
  });
  const env = async () => ({ PARLEY_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), PORT: String(await freePort()), NODE_ENV: 'development' });
  afterAll(() => {
    try {
      execFileSync('pkill', ['-f', `${dataDir}/pg`]);
    } catch {
      /* already stopped */
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('boots from an empty folder, migrates, seeds, prints the admin password once, and keeps its data across a restart', async () => {
    // First start: initdb, migrations, first admin with a generated password, demo data.
    const first = startApi(await env());
    await waitForHealth(first);
    const password = /password: (\S+)/.exec(first.output())?.[1];
    expect(password).toBeDefined();
    expect(first.output()).toMatch(/Demo workspace seeded/);
    expect(first.output()).toMatch(/migration applied: InitialSchema/);

    const login = await json(`${first.url}/api/v1/auth/login`, { method: 'POST', body: JSON.stringify({ email: 'admin@parley.local', password }) });
    expect(login.status).toBe(200);
    const token = login.body.accessToken as string;
    const convs = await json(`${first.url}/api/v1/conversations?limit=100`, { token });
    expect(convs.body.items.length).toBeGreaterThanOrEqual(5);
    expect(convs.body.items.some((c: { contact: { name: string } }) => /[가-힣]/.test(c.contact.name))).toBe(true);
    expect((await json(`${first.url}/api/v1/knowledge-articles`, { token })).body.length).toBeGreaterThanOrEqual(5);
    const label = await json(`${first.url}/api/v1/labels`, { method: 'POST', token, body: JSON.stringify({ name: 'survives-restart' }) });
    expect(label.status).toBe(201);

    // Graceful stop: exit code 0 and the embedded server is stopped too.
    first.proc.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(await portOpen(pgPort)).toBe(false);

    // Second start: same data, no new admin, no second demo seed, no pending migrations.
    const second = startApi(await env());
    await waitForHealth(second);
    expect(second.output()).not.toMatch(/First admin created/);
    expect(second.output()).not.toMatch(/Demo workspace seeded/);
    expect(second.output()).not.toMatch(/migration applied/);
    const again = await json(`${second.url}/api/v1/auth/login`, { method: 'POST', body: JSON.stringify({ email: 'admin@parley.local', password }) });
    expect(again.status).toBe(200);
    // The JWT secret is kept in the data folder: the first run's token is still valid.
    const labels = await json(`${second.url}/api/v1/labels`, { token });
    expect(labels.body.map((l: { name: string }) => l.name)).toContain('survives-restart');
    const convs2 = await json(`${second.url}/api/v1/conversations?limit=100`, { token });
    expect(convs2.body.items.length).toBe(convs.body.items.length);

    // A crashed API leaves the server running; the next start reuses it.
    second.proc.kill('SIGKILL');
    await second.exited;
    expect(await portOpen(pgPort)).toBe(true);
    const third = startApi(await env());
    await waitForHealth(third);
    third.proc.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  });
});
