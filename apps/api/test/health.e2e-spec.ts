import { Client } from 'pg';
import { createTestApp, TestApp } from './support/test-app';

describe('health (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  /** Makes the app's database refuse connections and drops the ones it holds, as an outage would. */
  async function setOutage(down: boolean) {
    const name = new URL(t.databaseUrl).pathname.slice(1);
    const admin = new Client({ connectionString: process.env['PARLEY_TEST_SERVER_URL'] });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS ${down ? 'false' : 'true'}`);
    if (down) await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    await admin.end();
  }

  it('answers 503 while the database is unreachable and 200 once it is back, without crashing', async () => {
    await t.http().get('/api/health').expect(200);
    await setOutage(true);
    try {
      const down = await t.http().get('/api/health').expect(503);
      expect(down.body).toMatchObject({ statusCode: 503, code: 'service_unavailable', details: { error: { database: { status: 'down' } } } });
      // A regular request during the outage gets a clean error, not a hang or a crash.
      const res = await t.http().get('/api/v1/labels').set('authorization', `Bearer ${t.adminToken}`);
      expect([500, 503]).toContain(res.status);
      expect(res.body.message).not.toMatch(/ALLOW_CONNECTIONS|pg_|terminat/i);
    } finally {
      await setOutage(false);
    }
    await t.http().get('/api/health').expect(200);
    await t.http().get('/api/v1/labels').set('authorization', `Bearer ${t.adminToken}`).expect(200);
  });
});
