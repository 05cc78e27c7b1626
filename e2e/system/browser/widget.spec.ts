import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Browser } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { freePort, startApi, waitForHealth, type ApiProcess } from '../api-process';
import { launchChromium, SCREENSHOTS } from './browser';

const SERVER = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ADMIN = { email: 'owner@parley.test', password: 'browser-test-password' };

describe('widget in a real browser, embedded on another origin', () => {
  let api: ApiProcess;
  let db: string;
  let host: Server;
  let hostUrl: string;
  let browser: Browser;
  let agent: Socket;
  let token: string;
  const received: { body: string; conversationId: string }[] = [];

  beforeAll(async () => {
    db = `parley_browser_${randomUUID().slice(0, 8)}`;
    const admin = new Client({ connectionString: SERVER });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    const port = await freePort();
    const url = new URL(SERVER);
    url.pathname = `/${db}`;
    api = startApi({ PORT: String(port), DATABASE_URL: url.toString(), PARLEY_DEMO: '0', PARLEY_ADMIN_EMAIL: ADMIN.email, PARLEY_ADMIN_PASSWORD: ADMIN.password, NODE_ENV: 'development', PARLEY_DATA_DIR: join('/tmp', db) });
    await waitForHealth(api);
    // The API is reached as localhost; the host page as 127.0.0.1: two origins.
    const apiUrl = `http://localhost:${port}`;
    token = (await (await fetch(`${apiUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })).json()).accessToken;

    const hostPort = await freePort();
    hostUrl = `http://127.0.0.1:${hostPort}`;
    const inbox = await (
      await fetch(`${apiUrl}/api/v1/inboxes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ name: 'Website chat', channel: 'web_widget', allowedOrigins: [hostUrl] }),
      })
    ).json();
    host = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html><head><title>Shop</title><style>* { font-size: 40px !important; color: red !important }</style></head>
        <body><h1>Hanbit Shop</h1><p>Our products</p>
        <script src="${apiUrl}/widget.js" data-inbox="${inbox.publicToken}" data-locale="ko" async></script></body></html>`);
    });
    await new Promise<void>((r) => host.listen(hostPort, '127.0.0.1', r));

    agent = io(`${apiUrl}/agents`, { transports: ['websocket'], auth: { token } });
    agent.on('message.created', (m) => received.push(m));
    await new Promise<void>((r) => agent.once('connect', () => r()));
    browser = await launchChromium();
  });

  afterAll(async () => {
    agent?.close();
    await browser?.close();
    host?.close();
    api?.proc.kill('SIGTERM');
    await api?.exited;
    const admin = new Client({ connectionString: SERVER });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.end();
  });

  const waitFor = async <T>(fn: () => T | undefined | false, ms = 10_000): Promise<T> => {
    const end = Date.now() + ms;
    for (;;) {
      const v = fn();
      if (v) return v;
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('a Korean message reaches the agent, the reply reaches the widget, a reload keeps the history, and markup stays text', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const dialogs: string[] = [];
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    await page.goto(hostUrl);
    // The loader puts the iframe in a closed shadow root: reach the frame through the page's frames.
    const widgetFrame = () => waitFor(() => page.frames().find((f) => f.url().includes('/widget/frame.html') && !f.isDetached()));
    const frame = await widgetFrame();

    await frame.locator('.pw-launcher').click();
    const korean = '안녕하세요! 주문번호 HB-20261121-0042 배송 언제 와요?';
    await frame.locator('#pw-input').fill(korean);
    await frame.locator('#pw-input').press('Enter');
    const incoming = await waitFor(() => received.find((m) => m.body === korean));
    await page.screenshot({ path: join(SCREENSHOTS, 'widget-open.png') });

    const reply = await agent.timeout(5000).emitWithAck('message.send', { conversationId: incoming.conversationId, clientMessageId: randomUUID(), body: '내일 도착 예정입니다 🙂' });
    expect(reply.ok).toBe(true);
    await frame.locator('.pw-bubble', { hasText: '내일 도착 예정입니다' }).waitFor();

    await page.reload();
    const again = await widgetFrame();
    if (!(await again.locator('#pw-input').isVisible())) await again.locator('.pw-launcher').click();
    await again.locator('.pw-bubble', { hasText: 'HB-20261121-0042' }).waitFor();
    await again.locator('.pw-bubble', { hasText: '내일 도착 예정입니다' }).waitFor();

    const markup = '<img src=x onerror=alert(1)>';
    await again.locator('#pw-input').fill(markup);
    await again.locator('#pw-input').press('Enter');
    await waitFor(() => received.find((m) => m.body === markup));
    const bubble = again.locator('.pw-bubble', { hasText: markup });
    await bubble.waitFor();
    expect(await bubble.innerText()).toContain(markup);
    expect(await again.locator('.pw-messages img').count()).toBe(0);
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'widget-after-reload.png') });
    await page.close();
  });
});
