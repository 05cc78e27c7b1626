import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import type { Browser, Frame, Page } from 'playwright-core';
import { freePort, startApi, waitForHealth, type ApiProcess } from '../api-process';
import { launchChromium, SCREENSHOTS } from './browser';

const SERVER = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ADMIN = { email: 'owner@parley.test', password: 'browser-test-password' };
const CONSOLE_DIR = resolve(__dirname, '../../../dist/apps/console/browser');
const QUESTION = '주문번호 PH-10234 배송 언제 와요?';
const MARKUP = '<img src=x onerror=window.__xss=1>';
/** Triage and drafting run on a job queue beside the demo's own backlog: allow them time. */
const AI_WAIT_MS = 60_000;

/**
 * The agent console against the real API (demo workspace, offline AI) with the widget on the
 * API's demo page: a visitor's question arrives live, triaged; the agent approves the AI draft
 * and the visitor sees it; a category correction becomes a training example; markup stays text.
 */
describe('agent console in a real browser', () => {
  let api: ApiProcess;
  let db: string;
  let databaseUrl: string;
  let apiUrl: string;
  let browser: Browser;
  let agent: Page;
  let visitor: Page;
  let widget: Frame;
  let token: string;
  let conversationId: string;

  beforeAll(async () => {
    if (!existsSync(join(CONSOLE_DIR, 'index.html')))
      throw new Error(`The console is not built (${CONSOLE_DIR}): run npx nx build console`);
    db = `parley_console_${randomUUID().slice(0, 8)}`;
    const admin = new Client({ connectionString: SERVER });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    const port = await freePort();
    const url = new URL(SERVER);
    url.pathname = `/${db}`;
    databaseUrl = url.toString();
    api = startApi({
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      PARLEY_DEMO: '1',
      PARLEY_ADMIN_EMAIL: ADMIN.email,
      PARLEY_ADMIN_PASSWORD: ADMIN.password,
      NODE_ENV: 'development',
      PARLEY_DATA_DIR: join('/tmp', db),
      CONSOLE_DIR,
    });
    await waitForHealth(api);
    apiUrl = `http://localhost:${port}`;
    token = (
      await (
        await fetch(`${apiUrl}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(ADMIN),
        })
      ).json()
    ).accessToken;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    api?.proc.kill('SIGTERM');
    await api?.exited;
    const admin = new Client({ connectionString: SERVER });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.end();
  });

  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${apiUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    return (await res.json()) as T;
  };

  const waitFor = async <T>(fn: () => T | undefined | false | Promise<T | undefined | false>, ms = 10_000): Promise<T> => {
    const end = Date.now() + ms;
    for (;;) {
      const v = await fn();
      if (v) return v;
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  const send = async (text: string) => {
    await widget.locator('#pw-input').fill(text);
    await widget.locator('#pw-input').press('Enter');
  };

  it('shows a visitor question live with its category; the approved AI draft reaches the visitor', async () => {
    agent = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const pageErrors: string[] = [];
    agent.on('pageerror', (e) => pageErrors.push(e.message));
    await agent.goto(`${apiUrl}/login`);
    await agent.locator('#login-email').fill(ADMIN.email);
    await agent.locator('#login-password').fill(ADMIN.password);
    await agent.locator('button[type="submit"]').click();
    await agent.waitForURL(/\/conversations/);
    // The demo's conversations are listed; the socket is up (no "reconnecting" notice).
    await agent.locator('pl-conversation-list .row').first().waitFor();
    await agent.screenshot({ path: join(SCREENSHOTS, 'console-list.png') });

    visitor = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    await visitor.goto(`${apiUrl}/demo`);
    widget = await waitFor(() => visitor.frames().find((f) => f.url().includes('/widget/frame.html') && !f.isDetached()));
    if (!(await widget.locator('#pw-input').isVisible())) await widget.locator('.pw-launcher').click();
    await send(QUESTION);

    // Live, without a reload: the row appears, then triage tags it `shipping`.
    const row = agent.locator('pl-conversation-list li', { hasText: 'PH-10234' });
    await row.waitFor({ timeout: 15_000 });
    await row.locator('[data-category="shipping"]').waitFor({ timeout: AI_WAIT_MS });
    await row.locator('a.row').click();
    await agent.waitForURL(/\/conversations\/[0-9a-f-]{36}/);
    conversationId = agent.url().split('/conversations/')[1].split('?')[0];

    await agent.locator('pl-triage-badge [data-category="shipping"]').waitFor();
    const draftBody = agent.locator('pl-draft-panel [data-testid="draft-body"]');
    await draftBody.waitFor({ timeout: AI_WAIT_MS });
    const draftText = (await draftBody.innerText()).trim();
    expect(draftText.length).toBeGreaterThan(0);
    expect(await agent.locator('.messages .message.incoming', { hasText: QUESTION }).count()).toBe(1);
    await agent.screenshot({ path: join(SCREENSHOTS, 'console-conversation-draft.png') });

    await agent.getByRole('button', { name: 'Approve & send' }).click();
    await agent.locator('pl-draft-panel [data-view="outcome"]').waitFor();
    await agent.locator('.messages .message.outgoing', { hasText: draftText.slice(0, 12) }).waitFor();

    // The visitor sees exactly what was approved.
    await widget.locator('.pw-bubble', { hasText: draftText.slice(0, 12) }).waitFor({ timeout: 15_000 });
    const drafts = await get<{ status: string; finalBody: string | null }[]>(`/conversations/${conversationId}/reply-drafts`);
    expect(drafts.at(-1)).toMatchObject({ status: 'approved', finalBody: draftText });
    await visitor.screenshot({ path: join(SCREENSHOTS, 'widget-approved-reply.png') });
    expect(pageErrors).toEqual([]);
  });

  it('changes the category in one step and keeps the correction as a training example', async () => {
    await agent.locator('#category-override').selectOption('payment');
    await agent.locator('pl-triage-badge [data-category="payment"]').waitFor();
    await agent.locator('pl-triage-badge', { hasText: 'corrected' }).waitFor();

    const results = await get<{ messageId: string; category: string; correctedCategory: string | null }[]>(
      `/conversations/${conversationId}/triage-results`,
    );
    const corrected = results.find((r) => r.correctedCategory === 'payment');
    expect(corrected).toMatchObject({ category: 'shipping' });

    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT text, category, source FROM training_examples WHERE message_id = $1', [
        corrected!.messageId,
      ]);
      expect(rows).toEqual([{ text: QUESTION, category: 'payment', source: 'correction' }]);
    } finally {
      await client.end();
    }
    // The list row follows: the conversation takes the corrected category.
    await agent.locator(`pl-conversation-list li:has(a[data-id="${conversationId}"]) [data-category="payment"]`).waitFor();
  });

  it('renders a visitor message containing markup as text, running nothing', async () => {
    await send(MARKUP);
    const message = agent.locator('.messages .message.incoming', { hasText: MARKUP });
    await message.waitFor({ timeout: 15_000 });

    expect(await message.locator('.body').innerText()).toBe(MARKUP);
    expect(await agent.locator('.messages img, pl-conversation-list img').count()).toBe(0);
    await agent.locator(`pl-conversation-list a[data-id="${conversationId}"] .preview`, { hasText: MARKUP }).waitFor();
    await agent.waitForTimeout(500);
    expect(await agent.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await agent.screenshot({ path: join(SCREENSHOTS, 'console-markup-as-text.png') });
  });

  it('works from the keyboard: j/k move through the list, ? lists the shortcuts', async () => {
    await agent.locator('#conversation-title').click(); // focus out of any field
    const before = agent.url();
    await agent.keyboard.press('j');
    await agent.waitForURL((url) => url.toString() !== before);
    expect(await agent.evaluate(() => document.activeElement?.getAttribute('aria-current'))).toBe('page');
    await agent.keyboard.press('k');
    await agent.waitForURL(before);

    await agent.keyboard.press('?');
    const overlay = agent.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await overlay.waitFor();
    expect(await overlay.innerText()).toContain('Approve and send the AI draft');
    await agent.screenshot({ path: join(SCREENSHOTS, 'console-shortcuts.png') });
    await agent.keyboard.press('Escape');
    await overlay.waitFor({ state: 'hidden' });
  });

  it('fits a tablet: the list alone, then the conversation alone with a way back', async () => {
    const tablet = await browser.newPage({ viewport: { width: 820, height: 1180 }, locale: 'en-US' });
    await tablet.goto(`${apiUrl}/login`);
    await tablet.evaluate(
      (session) => localStorage.setItem('parley.session', session),
      await agent.evaluate(() => localStorage.getItem('parley.session') ?? ''),
    );
    await tablet.goto(`${apiUrl}/conversations/${conversationId}`);
    await tablet.locator('pl-triage-badge').waitFor();

    expect(await tablet.locator('.list-pane').isVisible()).toBe(false);
    await tablet.screenshot({ path: join(SCREENSHOTS, 'console-tablet-conversation.png'), fullPage: true });
    await tablet.getByRole('link', { name: '← Conversations' }).click();
    await tablet.locator('pl-conversation-list .row').first().waitFor();
    expect(await tablet.locator('.view-pane').isVisible()).toBe(false);
    await tablet.close();
  });
});
