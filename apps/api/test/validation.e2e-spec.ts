import { createTestApp, TestApp } from './support/test-app';

describe('validation and error shape (e2e)', () => {
  let t: TestApp;
  let inboxId: string;
  beforeAll(async () => {
    t = await createTestApp();
    inboxId = (await t.http().post('/api/v1/inboxes').set('authorization', `Bearer ${t.adminToken}`).send({ name: 'Web', channel: 'web_widget' }).expect(201)).body.id;
  });
  afterAll(() => t.close());
  const auth = () => ({ authorization: `Bearer ${t.adminToken}` });

  it('rejects unknown fields and names them', async () => {
    const res = await t.http().post('/api/v1/labels').set(auth()).send({ name: 'vip', isAdmin: true }).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'validation_failed' });
    expect(res.body.details).toContainEqual({ field: 'isAdmin', errors: ['property isAdmin should not exist'] });
  });

  it('rejects wrong types and names the field', async () => {
    const res = await t.http().post('/api/v1/inboxes').set(auth()).send({ name: 42, channel: 'fax' }).expect(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'channel']));
    expect(res.body.message).toMatch(/channel must be one of/);
  });

  it('validates nested objects with the full path', async () => {
    const res = await t.http().patch(`/api/v1/inboxes/${inboxId}`).set(auth()).send({ businessHours: { timezone: 'Mars/Olympus', days: { mon: { open: '25:00', close: '18:00' } } } }).expect(400);
    const fields = res.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['businessHours.timezone', 'businessHours.days.mon.open']));
  });

  it('answers 413 to an oversize request body', async () => {
    const res = await t.http().post('/api/v1/labels').set(auth()).send({ name: 'x', description: 'a'.repeat(300_000) }).expect(413);
    expect(res.body.code).toBe('payload_too_large');
  });

  it('answers 400 to malformed JSON', async () => {
    const res = await t.http().post('/api/v1/labels').set(auth()).set('content-type', 'application/json').send('{"name": ').expect(400);
    expect(res.body.code).toBe('invalid_payload');
  });

  it('rejects a message body over 10,000 characters, naming the body', async () => {
    const conv = await t.http().post('/api/v1/conversations').set(auth()).send({ inboxId, contact: { name: 'A' } }).expect(201);
    const res = await t.http().post(`/api/v1/conversations/${conv.body.id}/messages`).set(auth()).send({ body: 'a'.repeat(10_001) }).expect(400);
    expect(res.body.message).toMatch(/body must be at most 10000 characters/);
    await t.http().post(`/api/v1/conversations/${conv.body.id}/messages`).set(auth()).send({ body: 'a'.repeat(10_000) }).expect(201);
  });

  it('rejects an empty message body with message_empty', async () => {
    const conv = await t.http().post('/api/v1/conversations').set(auth()).send({ inboxId, contact: { name: 'B' } }).expect(201);
    const res = await t.http().post(`/api/v1/conversations/${conv.body.id}/messages`).set(auth()).send({ body: '   \n ' }).expect(400);
    expect(res.body.code).toBe('message_empty');
  });

  it('rejects malformed ids, cursors and query values', async () => {
    await t.http().get('/api/v1/conversations/not-a-uuid').set(auth()).expect(400);
    const cursor = await t.http().get('/api/v1/conversations?cursor=abc').set(auth()).expect(400);
    expect(cursor.body.message).toMatch(/cursor/);
    const limit = await t.http().get('/api/v1/conversations?limit=1000').set(auth()).expect(400);
    expect(limit.body.details[0].field).toBe('limit');
    const status = await t.http().get('/api/v1/conversations?status=closed').set(auth()).expect(400);
    expect(status.body.details[0].field).toBe('status');
  });

  it('answers 404 with the error shape for a missing record', async () => {
    const res = await t.http().get('/api/v1/conversations/7f000000-0000-4000-8000-000000000000').set(auth()).expect(404);
    expect(res.body).toEqual({ statusCode: 404, code: 'not_found', message: 'Conversation 7f000000-0000-4000-8000-000000000000 was not found' });
  });

  it('answers 409 to a duplicate unique value', async () => {
    await t.http().post('/api/v1/labels').set(auth()).send({ name: 'dup' }).expect(201);
    const res = await t.http().post('/api/v1/labels').set(auth()).send({ name: 'dup' }).expect(409);
    expect(res.body.code).toBe('conflict');
  });

  it('serves health, metrics and the OpenAPI document without a token', async () => {
    const health = await t.http().get('/api/health').expect(200);
    expect(health.body.info.database.status).toBe('up');
    const metrics = await t.http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/parley_http_request_duration_seconds_bucket/);
    const doc = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/conversations', '/api/v1/conversations/{conversationId}/messages']));
  });
});
