// Browser smoke test: the built widget on a hostile host page from another origin, against the fake
// server. Needs Chromium (apt-get install -y chromium) and a prior `nx build widget`.
// Run: node apps/widget/e2e/smoke.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startFakeServer } from './fake-server.mjs';

const distDir = join(dirname(fileURLToPath(import.meta.url)), '../../../dist/apps/widget');
const HOST = 'http://127.0.0.1:4310';
const PAGE = 'http://localhost:4311/';
const TOKEN = 'pub_smoke';

const server = await startFakeServer({ port: 4310, distDir, inboxToken: TOKEN });
const demo = readFileSync(join(distDir, 'demo/index.html'), 'utf8')
  .replace('__INBOX_TOKEN__', TOKEN)
  .replace('src="../widget.js"', `src="${HOST}/widget.js"`);
const hostPage = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(demo);
});
await new Promise((resolve) => hostPage.listen(4311, '127.0.0.1', resolve));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  // launch() already uses a fresh temporary profile.
});
const agent = (action, body = {}) => fetch(`${HOST}/__test/${action}`, { method: 'POST', body: JSON.stringify(body) });
const errors = [];
let step = '';
const check = async (name, fn) => {
  step = name;
  await fn();
  console.log('  ✓ ' + name);
};

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  const frame = async () => {
    for (let i = 0; i < 50; i++) {
      const f = page.frames().find((candidate) => candidate.url().includes('/widget/frame.html'));
      if (f) return f;
      await page.waitForTimeout(100);
    }
    throw new Error('frame not found');
  };
  const frameBox = async () => (await (await frame()).frameElement()).boundingBox();

  await page.goto(PAGE);
  let f = await frame();

  await check('launcher appears in a small frame at the bottom right, untouched by host CSS', async () => {
    await f.locator('.pw-launcher').waitFor();
    const box = await frameBox();
    assert.equal(Math.round(box.width), 96);
    assert.equal(Math.round(box.x + box.width), 1280);
    const style = await (await f.frameElement()).evaluate((el) => getComputedStyle(el).borderTopWidth);
    assert.equal(style, '0px');
    const fontSize = await f.locator('.pw-launcher').evaluate((el) => getComputedStyle(el).fontSize);
    assert.equal(fontSize, '14px');
    assert.equal(await f.locator('.pw-launcher').getAttribute('aria-label'), '채팅 열기');
  });

  await check('opening grows the frame to the panel and focuses the composer', async () => {
    await f.locator('.pw-launcher').click();
    await f.locator('.pw-panel').waitFor();
    await page.waitForFunction(() => true);
    await f.waitForFunction(() => document.activeElement && document.activeElement.id === 'pw-input');
    const box = await frameBox();
    assert.equal(Math.round(box.width), 420);
    assert.equal(await f.locator('#pw-title').textContent(), 'Hanbit Outdoor');
    assert.match(await f.locator('.pw-availability').textContent(), /3분/);
  });

  await check('Enter sends; the server acks and the status reads 전송됨', async () => {
    await f.locator('#pw-input').fill('주문한 텐트가 아직 안 왔어요');
    await f.locator('#pw-input').press('Enter');
    await f.locator('.pw-own .pw-status', { hasText: '전송됨' }).waitFor();
    assert.equal(server.control.sent.length, 1);
    assert.equal(await f.locator('#pw-input').inputValue(), '');
  });

  await check('agent typing, reply rendered as text, read receipt', async () => {
    await agent('agent-typing', { typing: true });
    await f.locator('.pw-typing').waitFor();
    await agent('agent-message', { body: '<img src=x onerror="parent.document.title=1">확인해 볼게요' });
    await f.locator('.pw-business .pw-bubble', { hasText: '<img src=x' }).waitFor();
    assert.equal(await f.locator('.pw-messages img').count(), 0);
    assert.equal(await f.locator('.pw-typing').count(), 0);
    assert.equal(await f.locator('.pw-avatar', { hasText: 'JD' }).count(), 1);
    await agent('agent-read');
    await f.locator('.pw-own .pw-status', { hasText: '읽음' }).waitFor();
    await page.screenshot({ path: join(tmpdir(), 'parley-widget-desktop.png') });
  });

  await check('Escape closes; a reply while closed shows a badge and tells the host page', async () => {
    await f.locator('#pw-input').press('Escape');
    await f.locator('.pw-panel').waitFor({ state: 'detached' });
    await page.waitForFunction(() => true);
    assert.equal(Math.round((await frameBox()).width), 96);
    await agent('agent-message', { body: '배송 조회 결과 내일 도착 예정입니다.' });
    await f.locator('.pw-badge', { hasText: '1' }).waitFor();
    await page.locator('#log', { hasText: 'unread {"count":1}' }).waitFor();
  });

  await check('Parley.open() from the host opens the panel and marks the reply read', async () => {
    const readsBefore = server.control.reads.length;
    await page.evaluate(() => window.Parley.open());
    await f.locator('.pw-panel').waitFor();
    await page.locator('#log', { hasText: 'unread {"count":0}' }).waitFor();
    assert.ok(server.control.reads.length > readsBefore);
  });

  await check('a message whose ack is lost survives a reload and is stored once', async () => {
    await agent('drop-acks', { drop: true });
    await f.locator('#pw-input').fill('새로고침 전에 보낸 메시지');
    await f.locator('#pw-input').press('Enter');
    await f.locator('.pw-own .pw-status', { hasText: '보내는 중' }).waitFor();
    await agent('drop-acks', { drop: false });
    // Chromium blocks storage in third-party frames by default; the loader then keeps it in the host page's.
    const inFrame = await f.evaluate(() => {
      try {
        return Object.keys(localStorage).sort();
      } catch {
        return null;
      }
    });
    const stored = inFrame || (await page.evaluate(() => Object.keys(localStorage).sort()));
    console.log(`    (persisted in the ${inFrame ? 'frame' : 'host page'}'s localStorage)`);
    assert.deepEqual(stored, ['parley:pub_smoke:outbox', 'parley:pub_smoke:visitor']);

    await page.reload();
    f = await frame();
    await page.evaluate(() => window.Parley.open());
    await f.locator('.pw-bubble', { hasText: '새로고침 전에 보낸 메시지' }).waitFor();
    await (inFrame ? f : page).waitForFunction(() => !localStorage.getItem('parley:pub_smoke:outbox'));
    assert.equal(server.control.sent.filter((m) => m.body === '새로고침 전에 보낸 메시지').length, 1);
    assert.equal(await f.locator('.pw-bubble', { hasText: '새로고침 전에 보낸 메시지' }).count(), 1);
    assert.equal(await f.locator('.pw-bubble', { hasText: '주문한 텐트가' }).count(), 1);
  });

  await check('messages written while disconnected are sent after the reconnect', async () => {
    await agent('disconnect-all');
    await f.locator('.pw-banner').waitFor();
    await f.locator('#pw-input').fill('연결이 끊긴 동안 쓴 메시지');
    await f.locator('#pw-input').press('Enter');
    await f.locator('.pw-own', { hasText: '연결이 끊긴 동안 쓴 메시지' }).locator('.pw-status', { hasText: '전송됨' }).waitFor({ timeout: 15_000 });
    assert.equal(server.control.sent.filter((m) => m.body === '연결이 끊긴 동안 쓴 메시지').length, 1);
  });

  await check('away: asks once for an email or phone and thanks the visitor', async () => {
    await agent('availability', { online: false });
    await f.locator('.pw-capture').waitFor();
    const input = f.locator('.pw-capture input');
    await input.fill('010-12');
    await input.press('Enter');
    await f.locator('#pw-capture-error').waitFor();
    await input.fill('010-1234-5678');
    await input.press('Enter');
    await f.locator('.pw-thanks').waitFor();
    assert.deepEqual(server.control.contactUpdates, [{ phone: '+821012345678' }]);
  });

  await check('narrow viewport: the open panel fills the screen', async () => {
    await page.setViewportSize({ width: 375, height: 700 });
    await page.waitForTimeout(200);
    const box = await frameBox();
    assert.equal(Math.round(box.width), 375);
    assert.equal(Math.round(box.height), 700);
    await page.screenshot({ path: join(tmpdir(), 'parley-widget-mobile.png') });
  });

  await check('a revoked visitor token is replaced by a new session and chat goes on', async () => {
    const sessionsBefore = server.control.sessions;
    await agent('revoke-visitors');
    await f.locator('#pw-input').fill('새 세션에서 보낸 메시지');
    await f.locator('#pw-input').press('Enter');
    await f.locator('.pw-own', { hasText: '새 세션에서 보낸 메시지' }).locator('.pw-status', { hasText: '전송됨' }).waitFor({ timeout: 15_000 });
    assert.equal(server.control.sessions, sessionsBefore + 1);
  });

  assert.deepEqual(errors, []);
  console.log('widget smoke: all checks passed');
} catch (error) {
  console.error(`widget smoke failed at "${step}":`, error);
  if (process.env.SMOKE_DEBUG) {
    const page = browser.contexts()[0].pages()[0];
    console.error('frames:', page.frames().map((f) => f.url() + (f.isDetached() ? ' (detached)' : '')));
    for (const f of page.frames().filter((fr) => fr.url().includes('frame.html'))) {
      console.error('frame html:', (await f.content().catch((e) => String(e))).slice(0, 3000));
    }
    console.error('log:', await page.locator('#log').textContent());
  }
  if (errors.length) console.error('browser errors:', errors);
  process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
  hostPage.close();
}
