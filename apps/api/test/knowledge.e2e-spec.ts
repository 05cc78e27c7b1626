import { createAgent, createTestApp, TestApp } from './support/test-app';

/** Knowledge articles: CRUD, file import that validates everything before writing anything, search, categories. */
describe('knowledge and AI settings (e2e)', () => {
  let t: TestApp;
  let agentToken: string;
  const auth = (token = t.adminToken) => ({ authorization: `Bearer ${token}` });
  const articleCount = async () => (await t.db.query('SELECT count(*)::int AS n FROM knowledge_articles'))[0].n as number;
  const upload = (name: string, content: string | Buffer, token = t.adminToken) =>
    t.http().post('/api/v1/knowledge-articles/import').set(auth(token)).attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), name);

  beforeAll(async () => {
    // Retrain only when asked, so the category test trains once.
    t = await createTestApp({ env: { AI_RETRAIN_DEBOUNCE_MS: '3600000' } });
    agentToken = (await createAgent(t)).token;
  });
  afterAll(() => t.close());

  // The first write trains the offline model (it loads on first use in this process): allow for it.
  it('creates, updates and deletes an article; its chunks follow the body; agents may read but not write', async () => {
    const body = '통관 안내입니다.\n\n개인통관고유부호가 필요합니다. 수취인 이름과 같아야 합니다.\n\n150달러를 넘으면 관세가 붙습니다.';
    await t.http().post('/api/v1/knowledge-articles').set(auth(agentToken)).send({ title: 'x', body: 'y' }).expect(403);
    const created = (await t.http().post('/api/v1/knowledge-articles').set(auth()).send({ title: '  통관과 관세  ', body, locale: 'ko', tags: ['customs'] }).expect(201)).body;
    expect(created).toMatchObject({ title: '통관과 관세', locale: 'ko', tags: ['customs'] });
    expect(created.chunkCount).toBeGreaterThan(0);
    expect((await t.http().get(`/api/v1/knowledge-articles/${created.id}`).set(auth(agentToken)).expect(200)).body.id).toBe(created.id);

    const updated = (await t.http().patch(`/api/v1/knowledge-articles/${created.id}`).set(auth()).send({ body: '한 문단짜리 새 본문.' }).expect(200)).body;
    expect(updated.chunkCount).toBe(1);
    const [{ text }] = await t.db.query('SELECT text FROM knowledge_chunks WHERE article_id = $1', [created.id]);
    expect(text).toBe('한 문단짜리 새 본문.');

    await t.http().delete(`/api/v1/knowledge-articles/${created.id}`).set(auth()).expect(204);
    await t.http().get(`/api/v1/knowledge-articles/${created.id}`).set(auth()).expect(404);
    expect((await t.db.query('SELECT count(*)::int AS n FROM knowledge_chunks WHERE article_id = $1', [created.id]))[0].n).toBe(0);
  }, 90_000);

  it.each([
    ['no title', { body: 'b' }, 'title'],
    ['an empty body', { title: 't', body: '' }, 'body'],
    ['a bad locale', { title: 't', body: 'b', locale: 'korean' }, 'locale'],
    ['unknown fields', { title: 't', body: 'b', html: '<script>' }, 'html'],
  ])('rejects an article with %s, naming the field', async (_name, payload, field) => {
    const res = await t.http().post('/api/v1/knowledge-articles').set(auth()).send(payload).expect(400);
    expect(res.body.code).toBe('validation_failed');
    expect(JSON.stringify(res.body.details)).toContain(field);
  });

  it('imports JSON Lines (the eval format too): creates new titles, updates existing ones, and search finds them', async () => {
    const jsonl = [
      JSON.stringify({ id: 'kb-1', title: 'Return window', lang: 'en', body: 'Returns are accepted within 14 days of delivery. Refunds reach your card within 5 business days.' }),
      '',
      JSON.stringify({ title: '주말 영업', body: '토요일과 일요일에는 상담을 쉬고 월요일에 순서대로 답변드립니다.', tags: ['hours'] }),
    ].join('\n');
    const first = (await upload('faq.jsonl', jsonl).expect(201)).body;
    expect(first).toMatchObject({ created: 2, updated: 0 });
    const again = (await upload('faq.jsonl', jsonl.replace('14 days', '30 days')).expect(201)).body;
    expect(again).toMatchObject({ created: 0, updated: 2 });
    const [{ body }] = await t.db.query(`SELECT body FROM knowledge_articles WHERE title = 'Return window'`);
    expect(body).toContain('30 days');

    const search = (await t.http().get('/api/v1/knowledge-articles/search').query({ q: 'how many days do I have to return an item?' }).set(auth(agentToken)).expect(200)).body;
    expect(search.hits[0]).toMatchObject({ title: 'Return window', kind: 'article' });
    expect(search.answerability).toBeGreaterThan(0);
  });

  it('imports Markdown: one article per top-level heading, deeper headings stay inside', async () => {
    const md = '# 포장 옵션\n\n안전 포장은 3,000원입니다.\n\n## 에어캡\n\n깨지기 쉬운 물건은 에어캡으로 감쌉니다.\n\n# Consolidation\n\nWe combine up to 5 parcels into one box for free.\n';
    const res = (await upload('packing.md', md).expect(201)).body;
    expect(res.created).toBe(2);
    const [packing] = await t.db.query(`SELECT body FROM knowledge_articles WHERE title = '포장 옵션'`);
    expect(packing.body).toContain('## 에어캡');
  });

  it.each([
    ['an invalid JSON line (reported with its line number)', 'a.jsonl', `${JSON.stringify({ title: 'ok', body: 'fine' })}\n{"title": "broken"\n`, /line|JSON/],
    ['a line missing its body', 'a.jsonl', JSON.stringify({ title: 'no body' }), /body/],
    ['a line that is not an object', 'a.jsonl', '[1,2,3]', /object/],
    ['text before the first Markdown heading', 'a.md', 'intro\n# Title\nbody', /heading/],
    ['an unsupported file type', 'a.pdf', '%PDF-1.4', /jsonl|md/],
    ['an empty file', 'a.jsonl', '\n\n', /no articles/],
  ])('refuses %s and imports nothing', async (_name, filename, content, message) => {
    const before = await articleCount();
    const res = await upload(filename, content).expect(400);
    expect(res.body.code).toBe('validation_failed');
    expect(`${res.body.message} ${JSON.stringify(res.body.details)}`).toMatch(message);
    expect(await articleCount()).toBe(before);
  });

  it('refuses a file that is not UTF-8, a missing file and a file over the size limit', async () => {
    const before = await articleCount();
    expect((await upload('latin1.jsonl', Buffer.from([0x7b, 0x22, 0xe9, 0xff, 0x22, 0x7d])).expect(400)).body.message).toMatch(/UTF-8/);
    expect((await t.http().post('/api/v1/knowledge-articles/import').set(auth()).expect(400)).body.message).toMatch(/file/);
    const big = await upload('big.jsonl', Buffer.alloc(2 * 1024 * 1024 + 10, 0x20)).expect(413);
    expect(big.body.code).toBe('payload_too_large');
    await upload('a.jsonl', JSON.stringify({ title: 't', body: 'b' }), agentToken).expect(403);
    expect(await articleCount()).toBe(before);
  });

  describe('categories', () => {
    it('lists the six defaults with their policy', async () => {
      const list = (await t.http().get('/api/v1/ai/categories').set(auth(agentToken)).expect(200)).body;
      expect(list.map((c: { key: string }) => c.key)).toEqual(['order', 'shipping', 'b2b_quote', 'payment', 'return_refund', 'general']);
      expect(list.every((c: { policy: string }) => c.policy === 'draft')).toBe(true);
    });

    it('an admin renames a category and adds one the model learns from its examples', async () => {
      const list = (await t.http().get('/api/v1/ai/categories').set(auth()).expect(200)).body as { id: string; key: string }[];
      const general = list.find((c) => c.key === 'general') ?? list[0];
      await t.http().patch(`/api/v1/ai/categories/${general.id}`).set(auth(agentToken)).send({ label: 'x' }).expect(403);
      expect((await t.http().patch(`/api/v1/ai/categories/${general.id}`).set(auth()).send({ label: '기타 문의' }).expect(200)).body).toMatchObject({ key: 'general', label: '기타 문의' });
      await t.http().patch(`/api/v1/ai/categories/${general.id}`).set(auth()).send({ autoSendThreshold: 0.2 }).expect(400);
      await t.http().patch(`/api/v1/ai/categories/${general.id}`).set(auth()).send({ policy: 'always' }).expect(400);

      await t.http().post('/api/v1/ai/categories').set(auth()).send({ key: 'Bad Key', label: 'x', examples: ['a b'] }).expect(400);
      await t.http().post('/api/v1/ai/categories').set(auth()).send({ key: 'membership', label: 'Membership' }).expect(400);
      const examples = ['멤버십 등급은 어떻게 올라가나요?', 'VIP 회원 혜택이 뭐예요?', 'How do I upgrade my membership tier?', '멤버십 포인트 적립률 알려주세요', 'membership points expire?'];
      const created = (await t.http().post('/api/v1/ai/categories').set(auth()).send({ key: 'membership', label: 'Membership', examples }).expect(201)).body;
      expect(created).toMatchObject({ key: 'membership', policy: 'draft', position: 6 });
      await t.http().post('/api/v1/ai/categories').set(auth()).send({ key: 'membership', label: 'Again', examples }).expect(409);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM training_examples WHERE category = 'membership' AND source = 'category_seed'`))[0].n).toBe(examples.length);

      const status = (await t.http().post('/api/v1/ai/retrain').set(auth()).expect(202)).body;
      expect(status.offlineModel.categories).toContain('membership');
    }, 90_000);
  });
});
