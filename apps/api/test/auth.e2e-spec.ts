import { JwtService } from '@nestjs/jwt';
import { ADMIN, createAgent, createTestApp, TestApp } from './support/test-app';

describe('auth (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('logs in with the right password and returns tokens and the agent', async () => {
    const res = await t.http().post('/api/v1/auth/login').send(ADMIN).expect(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    expect(res.body.refreshToken).toEqual(expect.any(String));
    expect(res.body.agent).toMatchObject({ email: ADMIN.email, role: 'admin' });
    expect(res.body.agent.passwordHash).toBeUndefined();
  });

  it('refuses a wrong password and an unknown e-mail with the same answer', async () => {
    const wrong = await t.http().post('/api/v1/auth/login').send({ email: ADMIN.email, password: 'nope-nope-nope' }).expect(401);
    const unknown = await t.http().post('/api/v1/auth/login').send({ email: 'ghost@parley.test', password: 'nope-nope-nope' }).expect(401);
    expect(wrong.body).toEqual({ statusCode: 401, code: 'invalid_credentials', message: 'Wrong e-mail or password' });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('accepts the e-mail in any case', async () => {
    await t.http().post('/api/v1/auth/login').send({ ...ADMIN, email: ADMIN.email.toUpperCase() }).expect(200);
  });

  it('rotates refresh tokens and treats reuse of an old one as theft', async () => {
    const { refreshToken } = await t.login(ADMIN.email, ADMIN.password);
    const first = await t.http().post('/api/v1/auth/refresh').send({ refreshToken }).expect(200);
    expect(first.body.refreshToken).not.toBe(refreshToken);
    await t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${first.body.accessToken}`).expect(200);

    const reuse = await t.http().post('/api/v1/auth/refresh').send({ refreshToken }).expect(401);
    expect(reuse.body.code).toBe('unauthorized');
    // The whole family is revoked, including the token issued by the legitimate rotation.
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
  });

  it('logout revokes the refresh token', async () => {
    const { refreshToken } = await t.login(ADMIN.email, ADMIN.password);
    await t.http().post('/api/v1/auth/logout').send({ refreshToken }).expect(204);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken }).expect(401);
  });

  it('rejects missing, malformed, forged and expired access tokens with 401', async () => {
    await t.http().get('/api/v1/auth/me').expect(401);
    await t.http().get('/api/v1/auth/me').set('authorization', 'Bearer not.a.jwt').expect(401);
    const forged = new JwtService({ secret: 'another-secret-another-secret-another' }).sign({ sub: 'x', role: 'admin', typ: 'agent' }, { issuer: 'parley' });
    await t.http().get('/api/v1/conversations').set('authorization', `Bearer ${forged}`).expect(401);
    const me = await t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${t.adminToken}`).expect(200);
    const expired = await t.app.get(JwtService).signAsync({ sub: me.body.id, role: 'admin', typ: 'agent' }, { expiresIn: -10 });
    const res = await t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${expired}`).expect(401);
    expect(res.body).toMatchObject({ code: 'unauthorized', message: 'Access token expired' });
  });

  it('a disabled agent can neither log in nor keep using a token', async () => {
    const agent = await createAgent(t, 'agent', 'Jisoo');
    await t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${agent.token}`).expect(200);
    await t.http().patch(`/api/v1/agents/${agent.id}`).set('authorization', `Bearer ${t.adminToken}`).send({ disabled: true }).expect(200);
    await t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${agent.token}`).expect(401);
    const res = await t.http().post('/api/v1/auth/login').send({ email: agent.email, password: 'agent-password-123' }).expect(403);
    expect(res.body.code).toBe('agent_disabled');
  });

  it('never lets the last admin be disabled or demoted', async () => {
    const me = await t.http().get('/api/v1/auth/me').set('authorization', `Bearer ${t.adminToken}`).expect(200);
    const res = await t.http().patch(`/api/v1/agents/${me.body.id}`).set('authorization', `Bearer ${t.adminToken}`).send({ role: 'agent' }).expect(409);
    expect(res.body.code).toBe('conflict');
  });
});
