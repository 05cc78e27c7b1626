import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import type { Browser, Frame, Page } from 'playwright-core';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the API's test harness (real SMTP server, PDF text), not runtime code
import { MailSink, waitFor } from '../../../apps/api/test/support/smtp';
// eslint-disable-next-line @nx/enforce-module-boundaries -- as above
import { pdfText } from '../../../apps/api/test/support/pdf';
import { freePort, startApi, waitForHealth, type ApiProcess } from '../api-process';
import { launchChromium, SCREENSHOTS } from './browser';

const SERVER = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CONSOLE_DIR = resolve(__dirname, '../../../dist/apps/console/browser');
const ADMIN = { email: 'owner@parley.test', password: 'quote-flow-password' };
const CLIENT = { name: '홍길동', company: '한빛상사', email: 'hong@hanbit.kr', phone: '010-1234-5678' };

/**
 * The B2B quote path end to end, every part real: a client on the business's site clicks
 * "B2B 견적" in the widget and fills the quote form; the agent finds it on the console's board and
 * sends a quote; the email with the PDF reaches a real SMTP server on loopback; the client opens the
 * signed link from that email and accepts; the request is `accepted` in the console.
 */
describe('B2B quote flow in a real browser', () => {
  let api: ApiProcess;
  let db: string;
  let apiUrl: string;
  let hostUrl: string;
  let host: Server;
  let browser: Browser;
  const smtp = new MailSink();

  beforeAll(async () => {
    if (!existsSync(join(CONSOLE_DIR, 'index.html'))) throw new Error(`No built console in ${CONSOLE_DIR}: run npx nx build console first`);
    await smtp.start();
    db = `parley_quotes_${randomUUID().slice(0, 8)}`;
    const admin = new Client({ connectionString: SERVER });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    const port = await freePort();
    const url = new URL(SERVER);
    url.pathname = `/${db}`;
    // The API (and console) as localhost, the shop embedding the widget as 127.0.0.1: two origins.
    apiUrl = `http://localhost:${port}`;
    api = startApi({
      PORT: String(port),
      DATABASE_URL: url.toString(),
      PARLEY_DEMO: '0',
      PARLEY_ADMIN_EMAIL: ADMIN.email,
      PARLEY_ADMIN_PASSWORD: ADMIN.password,
      NODE_ENV: 'development',
      PARLEY_DATA_DIR: join('/tmp', db),
      CONSOLE_DIR,
      SMTP_URL: smtp.url,
      PUBLIC_URL: apiUrl,
      PARLEY_BUSINESS_NAME: 'Hanbit Trading',
    });
    await waitForHealth(api);

    const token = (await (await fetch(`${apiUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) })).json()).accessToken;
    const hostPort = await freePort();
    hostUrl = `http://127.0.0.1:${hostPort}`;
    const inbox = await (
      await fetch(`${apiUrl}/api/v1/inboxes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ name: 'B2B quotes', channel: 'web_widget', allowedOrigins: [hostUrl] }),
      })
    ).json();
    host = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html><head><title>Hanbit Trading</title></head><body><h1>Hanbit Trading</h1>
        <script src="${apiUrl}/widget.js" data-inbox="${inbox.publicToken}" data-locale="ko" async></script></body></html>`);
    });
    await new Promise<void>((r) => host.listen(hostPort, '127.0.0.1', r));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    host?.close();
    api?.proc.kill('SIGTERM');
    await api?.exited;
    await smtp.stop();
    const admin = new Client({ connectionString: SERVER });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.end();
  });

  const widgetFrame = (page: Page): Promise<Frame> => waitFor('the widget frame', () => page.frames().find((f) => f.url().includes('/widget/frame.html') && !f.isDetached()));

  it('request in the widget → quote from the console → PDF by email → accepted through the signed link', async () => {
    // 1. The client asks for a quote with buttons and one short form.
    const shop = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ko-KR' })).newPage();
    await shop.goto(hostUrl);
    const widget = await widgetFrame(shop);
    await widget.locator('.pw-launcher').click();
    await widget.getByRole('button', { name: 'B2B 견적' }).click();
    const form = widget.locator('form[aria-labelledby="pw-quote-title"]');
    await form.waitFor();
    await form.getByLabel('제품명 또는 URL').first().fill('스테인리스 텀블러 500ml');
    await form.getByLabel('수량').first().fill('1000');
    await form.getByLabel('이름').fill(CLIENT.name);
    await form.getByLabel('회사').fill(CLIENT.company);
    await form.getByLabel('이메일').fill(CLIENT.email);
    await form.getByLabel('전화').fill(CLIENT.phone);
    await shop.screenshot({ path: join(SCREENSHOTS, 'quote-widget-form.png') });
    await form.locator('button[type="submit"]').click();
    const received = widget.getByText(/견적 요청 Q-\d+ 접수/);
    await received.waitFor();
    const displayId = Number(/Q-(\d+)/.exec(await received.innerText())?.[1]);
    expect(displayId).toBeGreaterThan(0);

    // 2. The agent finds it on the board and sends a quote.
    const consolePage = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await consolePage.addInitScript(() => localStorage.setItem('parley.locale', 'en'));
    await consolePage.goto(`${apiUrl}/login`);
    await consolePage.locator('#login-email').fill(ADMIN.email);
    await consolePage.locator('#login-password').fill(ADMIN.password);
    await consolePage.locator('button[type="submit"]').click();
    await consolePage.waitForURL(/\/conversations/);
    await consolePage.goto(`${apiUrl}/quotes`);
    const card = consolePage.getByTestId('quote-card').filter({ hasText: `Q-${displayId}` }).getByRole('link');
    await card.waitFor();
    await consolePage.screenshot({ path: join(SCREENSHOTS, 'quote-board.png') });
    await card.click();
    await consolePage.waitForURL(/\/quotes\/[0-9a-f-]{36}/);
    await consolePage.getByText(CLIENT.company).first().waitFor();
    const send = consolePage.locator('form[aria-labelledby="quote-send-title"]');
    await send.getByLabel('Amount').fill('12500000');
    await send.getByLabel('Currency').selectOption('KRW');
    await send.locator('input[name="send-locale"][value="ko"]').check();
    await send.getByLabel('Message to the customer').fill('1,000개 기준 단가 12,500원, 로고 인쇄 포함입니다.');
    await send.getByRole('button', { name: 'Send quote' }).click();
    const badge = consolePage.getByTestId('quote-status');
    await waitFor('status quoted', async () => /quoted/i.test(await badge.innerText()));
    await consolePage.screenshot({ path: join(SCREENSHOTS, 'quote-detail-sent.png') });

    // 3. The email with the PDF reaches the client.
    const mail = await waitFor('the quote email', () => smtp.to(CLIENT.email).find((m) => m.attachments.some((a) => a.contentType === 'application/pdf')));
    expect(mail.subject).toContain(`Q-${displayId}`);
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf')!;
    const { text } = await pdfText(pdf.content);
    expect(text).toContain(CLIENT.company);
    expect(text).toContain('스테인리스 텀블러 500ml');
    expect(text).toMatch(/12,500,000/);
    const link = new RegExp(`${apiUrl.replace(/[.:/]/g, '\\$&')}/\\S+`).exec(mail.text)?.[0];
    expect(link).toBeDefined();

    // 4. The client opens the signed link and accepts; the console shows it accepted.
    const answer = await (await browser.newContext({ locale: 'ko-KR' })).newPage();
    await answer.goto(link!);
    await answer.screenshot({ path: join(SCREENSHOTS, 'quote-answer-page.png') });
    expect(await answer.locator('body').innerText()).toContain(CLIENT.company);
    await answer.locator('form[action*="/accept"] button[type="submit"]').click();
    await answer.waitForLoadState();
    await waitFor('status accepted in the console', async () => {
      await consolePage.reload();
      await badge.waitFor();
      return /accepted/i.test(await badge.innerText());
    });
    await consolePage.screenshot({ path: join(SCREENSHOTS, 'quote-detail-accepted.png') });
  });
});
