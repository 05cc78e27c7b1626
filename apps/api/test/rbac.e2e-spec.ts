import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ROLES } from '../src/core/auth/decorators';
import { createAgent, createTestApp, TestApp } from './support/test-app';

interface Route {
  method: string;
  path: string;
}

/** Every route marked @Roles('admin'), found from the controllers' metadata so a new one cannot be forgotten. */
function adminRoutes(t: TestApp): Route[] {
  const discovery = t.app.get(DiscoveryService);
  const scanner = t.app.get(MetadataScanner);
  const reflector = t.app.get(Reflector);
  const routes: Route[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance) continue;
    const proto = Object.getPrototypeOf(instance);
    const base: string = Reflect.getMetadata(PATH_METADATA, wrapper.metatype as object) ?? '';
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name];
      const roles = reflector.getAllAndOverride<string[] | undefined>(ROLES, [handler, wrapper.metatype as object]);
      if (!roles?.includes('admin') || roles.includes('agent')) continue;
      const sub: string = Reflect.getMetadata(PATH_METADATA, handler) ?? '';
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const path = `/api/v1/${[base, sub].filter(Boolean).join('/')}`.replace(/\/+/g, '/').replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
      routes.push({ method: method.toLowerCase(), path });
    }
  }
  return routes;
}

describe('role-based access (e2e)', () => {
  let t: TestApp;
  let agentToken: string;
  beforeAll(async () => {
    t = await createTestApp();
    agentToken = (await createAgent(t, 'agent')).token;
  });
  afterAll(() => t.close());

  it('finds the admin routes (settings of agents, inboxes, labels, canned responses, teams, audit log)', () => {
    const paths = adminRoutes(t).map((r) => `${r.method} ${r.path}`);
    expect(paths.length).toBeGreaterThanOrEqual(15);
    for (const prefix of ['/api/v1/agents', '/api/v1/inboxes', '/api/v1/labels', '/api/v1/canned-responses', '/api/v1/teams', '/api/v1/audit-logs']) {
      expect(paths.some((p) => p.includes(prefix))).toBe(true);
    }
  });

  it('answers 403 to an agent on every admin route, before validating the body', async () => {
    const routes = adminRoutes(t);
    for (const r of routes) {
      const res = await (t.http() as unknown as Record<string, (p: string) => import('supertest').Test>)[r.method](r.path).set('authorization', `Bearer ${agentToken}`).send({});
      expect({ route: `${r.method} ${r.path}`, status: res.status, code: res.body.code }).toEqual({ route: `${r.method} ${r.path}`, status: 403, code: 'forbidden' });
    }
  });

  it('lets an admin through the same routes (never 403)', async () => {
    for (const r of adminRoutes(t)) {
      const res = await (t.http() as unknown as Record<string, (p: string) => import('supertest').Test>)[r.method](r.path).set('authorization', `Bearer ${t.adminToken}`).send({});
      expect({ route: `${r.method} ${r.path}`, forbidden: res.status === 403 }).toEqual({ route: `${r.method} ${r.path}`, forbidden: false });
    }
  }, 120_000); // POST /ai/retrain really trains the offline model

  it('lets agents read what they need to work', async () => {
    await t.http().get('/api/v1/agents').set('authorization', `Bearer ${agentToken}`).expect(200);
    await t.http().get('/api/v1/labels').set('authorization', `Bearer ${agentToken}`).expect(200);
    await t.http().get('/api/v1/canned-responses').set('authorization', `Bearer ${agentToken}`).expect(200);
    await t.http().patch('/api/v1/agents/me').set('authorization', `Bearer ${agentToken}`).send({ availability: 'online' }).expect(200);
  });
});
