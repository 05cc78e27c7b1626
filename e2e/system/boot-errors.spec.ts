import { freePort, startApi } from './api-process';

/** Boot failures end the process with one clear line, naming what is wrong, never a stack trace. */
describe('boot errors', () => {
  const run = async (env: Record<string, string>) => {
    const api = startApi({ PORT: String(await freePort()), ...env });
    const code = await api.exited;
    return { code, output: api.output() };
  };

  it('names a bad environment variable', async () => {
    const { code, output } = await run({ PORT: 'abc' });
    expect(code).toBe(1);
    expect(output).toMatch(/Invalid environment:\s+PORT:/);
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('names the host of an unreachable DATABASE_URL', async () => {
    const { code, output } = await run({ DATABASE_URL: 'postgres://parley:secret@127.0.0.1:1/parley' });
    expect(code).toBe(1);
    expect(output.trim()).toBe('Cannot reach the database at 127.0.0.1:1 (ECONNREFUSED). Check DATABASE_URL.');
    expect(output).not.toMatch(/secret/);
  });

  it('refuses production without a JWT secret or a database', async () => {
    const noSecret = await run({ NODE_ENV: 'production', DATABASE_URL: 'postgres://127.0.0.1:1/p' });
    expect(noSecret.code).toBe(1);
    expect(noSecret.output).toMatch(/JWT_SECRET/);
    const noDb = await run({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(noDb.output).toMatch(/DATABASE_URL: required in production/);
  });
});
