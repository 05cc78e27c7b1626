import { createAgent, createTestApp, TestApp } from './support/test-app';

describe('labels, canned responses, teams and inboxes (e2e)', () => {
  let t: TestApp;
  const auth = () => ({ authorization: `Bearer ${t.adminToken}` });
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('deletes a label once, audits it, and answers 404 after', async () => {
    const label = (await t.http().post('/api/v1/labels').set(auth()).send({ name: '배송지연', color: '#dc2626' }).expect(201)).body;
    await t.http().delete(`/api/v1/labels/${label.id}`).set(auth()).expect(204);
    await t.http().delete(`/api/v1/labels/${label.id}`).set(auth()).expect(404);
    const log = (await t.http().get(`/api/v1/audit-logs?entityType=label&entityId=${label.id}`).set(auth()).expect(200)).body;
    expect(log.map((e: { action: string }) => e.action)).toEqual(['label.deleted', 'label.created']);
  });

  it('finds canned responses by short-code prefix', async () => {
    await t.http().post('/api/v1/canned-responses').set(auth()).send({ shortCode: 'track', content: 'Please share your order number.' }).expect(201);
    await t.http().post('/api/v1/canned-responses').set(auth()).send({ shortCode: 'thanks', content: '감사합니다!' }).expect(201);
    const found = (await t.http().get('/api/v1/canned-responses?q=tr').set(auth()).expect(200)).body;
    expect(found.map((c: { shortCode: string }) => c.shortCode)).toEqual(['track']);
    const bad = await t.http().post('/api/v1/canned-responses').set(auth()).send({ shortCode: 'has space', content: 'x' }).expect(400);
    expect(bad.body.details[0].field).toBe('shortCode');
  });

  it('sets team members and refuses unknown agents', async () => {
    const mina = await createAgent(t, 'agent', 'Mina');
    const team = (await t.http().post('/api/v1/teams').set(auth()).send({ name: 'B2B desk' }).expect(201)).body;
    const updated = (await t.http().patch(`/api/v1/teams/${team.id}`).set(auth()).send({ memberIds: [mina.id] }).expect(200)).body;
    expect(updated.memberIds).toEqual([mina.id]);
    await t.http().patch(`/api/v1/teams/${team.id}`).set(auth()).send({ memberIds: ['7f000000-0000-4000-8000-000000000000'] }).expect(400);
  });

  it('keeps the inbox identity secret out of normal reads and rotates it on demand', async () => {
    const inbox = (await t.http().post('/api/v1/inboxes').set(auth()).send({ name: 'Web', channel: 'web_widget', allowedOrigins: ['https://shop.example.com'] }).expect(201)).body;
    expect(inbox.identitySecret).toBeUndefined();
    expect(inbox.publicToken).toMatch(/^[\w-]{20,}$/);
    const secret = (await t.http().get(`/api/v1/inboxes/${inbox.id}/secrets`).set(auth()).expect(200)).body.identitySecret;
    const rotated = (await t.http().post(`/api/v1/inboxes/${inbox.id}/secrets/rotate`).set(auth()).expect(201)).body.identitySecret;
    expect(rotated).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated).not.toBe(secret);
    const bad = await t.http().patch(`/api/v1/inboxes/${inbox.id}`).set(auth()).send({ allowedOrigins: ['javascript:alert(1)'] }).expect(400);
    expect(bad.body.message).toMatch(/allowed origin/);
  });
});
