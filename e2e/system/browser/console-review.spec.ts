import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { freePort, startApi, waitForHealth, type ApiProcess } from '../api-process';
import { launchChromium, SCREENSHOTS } from './browser';

const SERVER = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CONSOLE_DIR = resolve(__dirname, '../../../dist/apps/console/browser');
const ADMIN = { email: 'owner@parley.test', password: 'browser-test-password' };
const AGENT = {
  name: 'Jun Agent',
  email: 'jun@parley.test',
  password: 'agent-test-password',
  role: 'agent',
};
const ARTICLE = {
  title: '배송 기간 안내 (Shipping times)',
  body: '# 배송 기간\n\n미국 상품은 출고 후 **5~7영업일** 안에 도착합니다. 일본 상품은 3~5영업일이 걸립니다.\n\n- 배송비: 1kg당 8,000원\n- 주문번호로 배송 조회가 가능합니다.',
  locale: 'ko',
  tags: ['shipping'],
};
const QUESTION = '주문번호 PH-20261121-0042 배송 언제 와요?';
const EDITED = '주문번호 PH-20261121-0042 상품은 내일 출고되어 5~7영업일 안에 도착합니다. 감사합니다!';

/**
 * The console's audit screens against the real built API and console on a fresh database: a
 * visitor's question goes through the real AI pipeline, an agent edits the draft before sending,
 * and the owner finds the edit in the review log and in its CSV export. An agent without the
 * admin role is kept out of Settings by the UI and by the API.
 */
describe('console review log, knowledge, reports and settings in a real browser', () => {
  let api: ApiProcess;
  let db: string;
  let baseUrl: string;
  let browser: Browser;
  let adminToken: string;
  let adminName: string;
  let agentToken: string;
  let agentId: string;
  let inbox: { id: string; publicToken: string };
  let draft: { id: string; body: string };
  let visitor: Socket | undefined;

  const rest = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };

  const login = async (credentials: { email: string; password: string }) => {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: credentials.email, password: credentials.password }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as {
      accessToken: string;
      agent: { id: string; name: string };
    };
  };

  const waitFor = async <T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 60_000): Promise<T> => {
    const end = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  /** A console tab signed in through the login form, in English unless told otherwise. */
  const signedInPage = async (credentials: { email: string; password: string }, viewport = { width: 1280, height: 900 }, locale = 'en') => {
    const context = await browser.newContext({
      viewport,
      acceptDownloads: true,
    });
    await context.addInitScript((l) => localStorage.setItem('parley.locale', l), locale);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.locator('#login-email').fill(credentials.email);
    await page.locator('#login-password').fill(credentials.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL(/\/conversations/);
    return page;
  };

  /** The shell scrolls its main area, not the page: shoot the viewport, from the top unless already scrolled to a part. */
  const shot = async (page: Page, name: string, fromTop = true) => {
    if (fromTop) await page.evaluate(() => document.querySelector('main')?.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, name) });
  };

  beforeAll(async () => {
    if (!existsSync(join(CONSOLE_DIR, 'index.html'))) throw new Error(`No built console in ${CONSOLE_DIR}: run npx nx build console first`);
    db = `parley_console_${randomUUID().slice(0, 8)}`;
    const admin = new Client({ connectionString: SERVER });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    const port = await freePort();
    const url = new URL(SERVER);
    url.pathname = `/${db}`;
    api = startApi({
      PORT: String(port),
      DATABASE_URL: url.toString(),
      PARLEY_DEMO: '0',
      PARLEY_ADMIN_EMAIL: ADMIN.email,
      PARLEY_ADMIN_PASSWORD: ADMIN.password,
      NODE_ENV: 'development',
      PARLEY_DATA_DIR: join('/tmp', db),
      CONSOLE_DIR,
    });
    await waitForHealth(api);
    baseUrl = `http://127.0.0.1:${port}`;

    ({
      accessToken: adminToken,
      agent: { name: adminName },
    } = await login(ADMIN));
    const created = await rest('POST', '/inboxes', adminToken, {
      name: 'Website chat',
      channel: 'web_widget',
    });
    expect(created.status).toBe(201);
    inbox = created.body;
    expect((await rest('POST', '/knowledge-articles', adminToken, ARTICLE)).status).toBe(201);
    const agent = await rest('POST', '/agents', adminToken, AGENT);
    expect(agent.status).toBe(201);
    agentId = agent.body.id;
    agentToken = (await login(AGENT)).accessToken;

    // A visitor asks through the widget socket; the real pipeline triages it and drafts a reply.
    const session = await fetch(`${baseUrl}/api/v1/widget/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ inboxToken: inbox.publicToken }),
    });
    expect(session.status).toBe(200);
    const { visitorToken } = await session.json();
    visitor = io(`${baseUrl}/widget`, {
      transports: ['websocket'],
      auth: { visitorToken },
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((ok, fail) => {
      visitor!.once('connect', () => ok());
      visitor!.once('connect_error', fail);
    });
    const ack = await visitor.timeout(5000).emitWithAck('message.send', {
      clientMessageId: randomUUID(),
      body: QUESTION,
    });
    expect(ack.ok).toBe(true);
    const { id: messageId, conversationId } = ack.message as {
      id: string;
      conversationId: string;
    };
    draft = await waitFor('the AI draft', async () => {
      const drafts = await rest('GET', `/conversations/${conversationId}/reply-drafts`, adminToken);
      return (drafts.body as { id: string; body: string; messageId: string }[]).find((d) => d.messageId === messageId);
    });

    // Edit then send, as the agent would from the draft panel.
    const approved = await rest('POST', `/reply-drafts/${draft.id}/approve`, adminToken, { body: EDITED });
    expect(approved.status).toBe(201);
    expect(approved.body.draft).toMatchObject({
      status: 'edited',
      finalBody: EDITED,
    });
    expect(draft.body).not.toBe(EDITED);

    browser = await launchChromium();
  });

  afterAll(async () => {
    visitor?.close();
    await browser?.close();
    api?.proc.kill('SIGTERM');
    await api?.exited;
    const admin = new Client({ connectionString: SERVER });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.end();
  });

  it('edit-then-send shows the edit diff in the review log, and the CSV export of the filtered set contains the row', async () => {
    const page = await signedInPage(ADMIN);
    const dialogs: string[] = [];
    page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    await page.getByRole('link', { name: 'Review' }).click();
    await page.waitForURL(/\/review/);

    const row = page.locator(`tr[data-draft-id="${draft.id}"]`);
    await row.waitFor();
    expect(await row.locator('.question').innerText()).toBe(QUESTION);
    expect(await row.innerText()).toContain('Edited, then sent');
    await row.getByText(`by ${adminName}`).waitFor();
    // The diff: words of the AI draft that were removed, the agent's words that were added.
    const added = (await row.locator('pl-edit-diff ins').allInnerTexts()).join(' ');
    expect(added).toContain('내일');
    expect(added).toContain('감사합니다!');
    expect(await row.locator('pl-edit-diff del').count()).toBeGreaterThan(0);
    await shot(page, 'console-review.png');

    // Filter to edited drafts: the URL keeps the filter, the row stays.
    await page.locator('#review-status').selectOption('edited');
    await page.waitForURL(/status=edited/);
    await row.waitFor();

    // Flag the answer as wrong with a note (the lead's endpoint; the log shows the note).
    await row.getByRole('button', { name: /Flag the answer/ }).click();
    await row.locator('textarea').fill('Order PH-0042 ships Monday, not tomorrow');
    await row.getByRole('button', { name: 'Save flag' }).click();
    await row.locator('.flag-note', { hasText: 'ships Monday' }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^parley-review-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('sent_text');
    expect(csv).toContain(QUESTION);
    expect(csv).toContain(EDITED);
    expect(csv).toContain(',edited,');
    expect(csv).toContain('ships Monday');

    // The export honours the filter: nothing when no edited draft falls in the range.
    await page.locator('#review-from').fill('2000-01-01');
    await page.locator('#review-to').fill('2000-01-02');
    await page.locator('#review-to').dispatchEvent('change');
    await page.getByText('No AI drafts match these filters.').waitFor();
    const [empty] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const emptyCsv = readFileSync((await empty.path())!, 'utf8');
    expect(emptyCsv).not.toContain(QUESTION);

    expect(dialogs).toEqual([]);
    await page.context().close();
  });

  it('the review log works on a tablet and in Korean', async () => {
    const page = await signedInPage(ADMIN, { width: 820, height: 1180 }, 'ko');
    await page.goto(`${baseUrl}/review`);
    const row = page.locator(`tr[data-draft-id="${draft.id}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('수정 후 보냄');
    await shot(page, 'console-review-tablet-ko.png');
    await page.context().close();
  });

  it('knowledge, reports and settings open for the admin (screenshots)', async () => {
    const page = await signedInPage(ADMIN);

    await page.goto(`${baseUrl}/knowledge`);
    await page.locator('.article', { hasText: ARTICLE.title }).click();
    await page.locator('#article-title').waitFor();
    expect(await page.locator('pl-markdown-view strong').first().innerText()).toBe('5~7영업일');
    await page.locator('#knowledge-search').fill('배송 언제 와요?');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.locator('.hits li').first().waitFor();
    await shot(page, 'console-knowledge.png');

    await page.goto(`${baseUrl}/reports`);
    await page.locator('.tiles, .status:has-text("does not provide reports")').first().waitFor();
    await page.waitForTimeout(300);
    await shot(page, 'console-reports.png');
    await page.locator('#chart-outcomes').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(200);
    await shot(page, 'console-reports-charts.png', false);

    await page.goto(`${baseUrl}/settings`);
    await page.waitForURL(/\/settings$/);
    await page.getByRole('link', { name: 'Inboxes' }).and(page.locator('[aria-current="page"]')).waitFor({ timeout: 5000 });
    const snippet = page.locator('#inbox-snippet');
    await snippet.waitFor();
    expect(await snippet.inputValue()).toBe(`<script src="${baseUrl}/widget.js" data-inbox="${inbox.publicToken}" async></script>`);
    await shot(page, 'console-settings-inboxes.png');

    await page.getByRole('link', { name: 'AI policy' }).click();
    await page.locator('tbody tr').first().waitFor();
    await shot(page, 'console-settings-ai.png');

    await page.getByRole('link', { name: 'Agents' }).click();
    await page.locator('tbody tr', { hasText: AGENT.email }).waitFor();
    await shot(page, 'console-settings-agents.png');

    await page.getByRole('link', { name: 'Labels' }).click();
    await page.locator('#label-name').fill('vip');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.locator('.st-line', { hasText: 'vip' }).waitFor();
    expect((await rest('GET', '/labels', adminToken)).body.map((l: { name: string }) => l.name)).toContain('vip');

    await page.getByRole('link', { name: 'Canned responses' }).click();
    await page.locator('#canned-code').fill('배송');
    await page.locator('#canned-content').fill('<b>보통</b> 5~7영업일 걸립니다.');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.locator('.st-line', { hasText: '/배송' }).waitFor();
    // Stored as typed and shown as text.
    expect(await page.locator('.st-line', { hasText: '/배송' }).locator('b').count()).toBe(0);
    await shot(page, 'console-settings-canned.png');
    await page.context().close();
  });

  it('an agent without the admin role cannot open Settings in the UI and gets 403 from the settings APIs', async () => {
    const page = await signedInPage(AGENT);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Review' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(0);

    await page.goto(`${baseUrl}/settings/inboxes`);
    await page.waitForURL(/\/conversations/);
    expect(await page.locator('#inbox-snippet').count()).toBe(0);
    await shot(page, 'console-agent-no-settings.png');

    // Knowledge is readable, but its write controls are not offered.
    await page.goto(`${baseUrl}/knowledge`);
    await page.locator('.article', { hasText: ARTICLE.title }).waitFor();
    expect(await page.getByRole('button', { name: 'New article' }).count()).toBe(0);
    await page.context().close();

    const categories = await rest('GET', '/ai/categories', agentToken);
    const calls: [string, string, unknown?][] = [
      ['POST', '/inboxes', { name: 'Sneaky', channel: 'web_widget' }],
      ['PATCH', `/inboxes/${inbox.id}`, { allowedOrigins: ['*'] }],
      ['GET', `/inboxes/${inbox.id}/secrets`],
      ['POST', `/inboxes/${inbox.id}/secrets/rotate`, {}],
      ['POST', '/ai/categories', { key: 'sneaky', label: 'Sneaky' }],
      ['PATCH', `/ai/categories/${categories.body[0].id}`, { policy: 'auto', autoSendThreshold: 0.5 }],
      ['POST', '/ai/retrain', {}],
      [
        'POST',
        '/agents',
        {
          name: 'X',
          email: 'x@parley.test',
          password: 'another-password',
          role: 'admin',
        },
      ],
      ['PATCH', `/agents/${agentId}`, { role: 'admin' }],
      ['POST', '/labels', { name: 'sneaky' }],
      ['POST', '/canned-responses', { shortCode: 'sneaky', content: 'x' }],
      ['POST', '/knowledge-articles', { title: 'x', body: 'x' }],
    ];
    for (const [method, path, body] of calls) {
      const res = await rest(method, path, agentToken, body);
      expect({
        call: `${method} ${path}`,
        status: res.status,
        code: res.body?.code,
      }).toEqual({ call: `${method} ${path}`, status: 403, code: 'forbidden' });
    }
    // Still an agent, nothing changed.
    expect((await rest('GET', `/agents/${agentId}`, adminToken)).body.role).toBe('agent');
  });
});
