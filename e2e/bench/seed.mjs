/**
 * The help-desk data set of the benchmarks, written with SQL in one transaction: agents, two inboxes,
 * labels, contacts (Korean and English names), conversations with realistic statuses, priorities,
 * assignees and labels, and their messages (first message with an order number for a third of them).
 * random() is seeded, so the same options give the same data. Secondary indexes are dropped for the
 * insert and rebuilt after, then the tables are vacuumed and analyzed.
 *
 * Shared by api-bench.mjs and console-bench.mjs.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url, application_name: 'parley-bench' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const KO_LAST = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오'];
const KO_LAST_ROM = ['kim', 'lee', 'park', 'choi', 'jung', 'kang', 'cho', 'yoon', 'jang', 'lim', 'han', 'oh'];
const KO_FIRST = [
  '민준',
  '서연',
  '지훈',
  '수아',
  '예준',
  '하은',
  '도윤',
  '지우',
  '준호',
  '서윤',
  '현우',
  '지민',
  '승민',
  '유진',
  '태윤',
  '다은',
  '민석',
  '하늘',
  '은서',
  '재원',
];
const KO_FIRST_ROM = [
  'minjun',
  'seoyeon',
  'jihoon',
  'sua',
  'yejun',
  'haeun',
  'doyun',
  'jiwoo',
  'junho',
  'seoyun',
  'hyunwoo',
  'jimin',
  'seungmin',
  'yujin',
  'taeyun',
  'daeun',
  'minseok',
  'haneul',
  'eunseo',
  'jaewon',
];
const EN_FIRST = [
  'Daniel',
  'Emily',
  'Sarah',
  'Michael',
  'Olivia',
  'James',
  'Grace',
  'David',
  'Chloe',
  'Ryan',
  'Hannah',
  'Kevin',
  'Sophie',
  'Jason',
  'Laura',
  'Brian',
  'Megan',
  'Eric',
  'Julia',
  'Nathan',
];
const EN_LAST = [
  'Park',
  'Choi',
  'Lim',
  'Smith',
  'Johnson',
  'Brown',
  'Garcia',
  'Miller',
  'Sullivan',
  'Nguyen',
  'Walker',
  'Bennett',
  'Foster',
  'Hughes',
  'Reyes',
  'Collins',
  'Turner',
  'Howard',
  'Patel',
  'Morgan',
];
const DOMAINS = ['gmail.com', 'naver.com', 'kakao.com', 'example.kr', 'example.com', 'daum.net'];
const COMPANIES = [
  '한빛랩(주)',
  'BrightNest Home',
  '서울상사',
  'Pacific Trading Co.',
  '누리마켓',
  'Greenleaf Outfitters',
  '(주)하늘소싱',
  'Northwind Imports',
  '동해물산',
  'Maple & Oak',
];
const LABELS = [
  ['vip', '#7c3aed'],
  ['customs', '#d97706'],
  ['refund', '#dc2626'],
  ['bulk', '#2563eb'],
  ['damaged', '#b91c1c'],
  ['address-change', '#0891b2'],
  ['payment', '#16a34a'],
  ['delay', '#ca8a04'],
  ['return', '#db2777'],
  ['quote', '#4f46e5'],
];
// First messages; {order} is an HB- order number, {name}/{first} the contact.
const OPENING_WITH_ORDER = [
  '안녕하세요 주문번호 {order} 인데요 통관에서 며칠째 안 움직여요ㅠㅠ 확인 부탁드려요',
  'Hi, my order {order} still shows "in warehouse" after 6 days. Can you check?',
  '{order} 주문 취소하고 환불받고 싶습니다. 아직 출고 전이죠?',
  'I was charged twice for {order}, please refund one of the payments.',
  '교환 신청하려는데 사이즈가 안 맞아요. 주문번호는 {order}입니다.',
  'Parcel for {order} arrived damaged, the box was crushed. What should I do?',
  '{order} 배송지 변경 가능할까요? 회사 주소로 받고 싶어요.',
  'Tracking for {order} has not updated since it left Portland.',
];
const OPENING = [
  '아마존 링크 3개 구매대행 부탁드려요~ 사이즈는 전부 M으로요. 수수료 몇 % 인가요?',
  'Hi! I forgot the suite number on a US store order. Will it still reach me?',
  '개인통관고유부호를 잘못 입력한 것 같아요. 수정 어떻게 하나요?',
  'What payment methods do you take? My card is from Canada.',
  '관부가세는 얼마나 나올까요? 신발 두 켤레 합쳐서 230달러예요.',
  'Do you offer volume pricing for B2B orders over 500 units?',
  '세금계산서 발행 가능한가요? 사업자 구매입니다.',
  'How long does shipping from the US warehouse to Busan usually take?',
];
const AGENT_REPLIES = [
  '{name}님, 안녕하세요. 확인 후 바로 안내드리겠습니다.',
  'Hi {first}, thanks for reaching out! Let me look into this for you.',
  '확인해보니 현재 통관 진행 중이며 내일 중 국내 택배사로 인계될 예정입니다.',
  'I have issued the refund; it should appear on your statement within 3-5 business days.',
  '불편을 드려 죄송합니다. 교환 접수 완료했고 회수 기사님이 방문 예정입니다.',
  'Could you send us a photo of the damaged item and the outer box?',
  '창고 입고 확인되었습니다. 실측 무게 기준으로 2차 결제 안내 드릴게요.',
  'Your parcel left our Portland warehouse today; the tracking number is in My Page.',
  '추가로 궁금하신 점 있으시면 언제든 문의해 주세요 🙂',
  'Is there anything else I can help you with, {first}?',
];
const CONTACT_FOLLOW_UPS = [
  '네 감사합니다!',
  'Thanks, that works.',
  '언제쯤 처리될까요?',
  'Still waiting on this, any update?',
  '사진 첨부했습니다. 확인 부탁드려요.',
  'OK, I will wait for the courier.',
  '혹시 오늘 안에 출고 가능할까요?',
  'Perfect, thank you so much!',
];
const NOTES = [
  'VIP 고객, 우선 처리 요망',
  'Checked with warehouse: parcel misrouted, reship approved.',
  '환불 승인 요청 올림 - 팀장 확인 필요',
  'Customs asked for an invoice; waiting on the seller.',
];
const ACTIVITIES = [
  'Admin: status open → pending',
  'Admin: priority medium → high',
  'Admin: labels — → refund',
  'Admin: status pending → open',
];

async function hashAgentPassword(root, password, log) {
  try {
    const argon2 = createRequire(join(root, 'package.json'))('argon2');
    return { hash: await argon2.hash(password, { type: argon2.argon2id }), canLogin: true };
  } catch (e) {
    log(`argon2 unavailable (${e.message}); bench agents get a placeholder hash and the agent-role cases are skipped`);
    return { hash: '$argon2id$v=19$bench-placeholder', canLogin: false };
  }
}

/** Secondary indexes of `tables` (not constraint-backed), dropped before the bulk insert and rebuilt after. */
async function secondaryIndexes(c, tables) {
  const { rows } = await c.query(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace ns ON ns.oid = t.relnamespace
      WHERE ns.nspname = current_schema() AND t.relname = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [tables],
  );
  return rows;
}

/**
 * Seeds an empty, migrated database (the API has booted on it and created the admin `adminEmail`).
 * Agents agent1..agent5@bench.parley.test get `agentPassword`. Progress lines go to `log`.
 */
export async function seedDatabase({
  root,
  databaseUrl,
  conversations,
  contacts,
  messagesPerConversation,
  adminEmail,
  agentPassword,
  log,
}) {
  const dbName = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  const { hash, canLogin } = await hashAgentPassword(root, agentPassword, log);
  const timings = {};
  const t0 = performance.now();
  const step = async (name, fn) => {
    const s = performance.now();
    const r = await fn();
    timings[name] = Math.round(performance.now() - s);
    log(`seed: ${name} ${secs(timings[name])}`);
    return r;
  };
  const NV = conversations;
  const NC = contacts;
  const M = messagesPerConversation;

  await withClient(databaseUrl, async (c) => {
    if (Number((await c.query('SELECT count(*) AS n FROM conversations')).rows[0].n) > 0)
      throw new Error(`${dbName} already has conversations; use --skip-seed to reuse it`);
    await c.query(`SET maintenance_work_mem = '512MB'`);
    await c.query(`SET work_mem = '64MB'`);
    await c.query(`SET synchronous_commit = off`);
    await c.query('BEGIN');
    // Reproducible data: random() below follows this seed (all inserts run serially in one session).
    await c.query('SELECT setseed(0.2026)');

    const { admin, agents, inboxes, labelIds } = await step('agents, inboxes, labels', async () => {
      const admin = (await c.query('SELECT id FROM agents WHERE email = $1', [adminEmail])).rows[0]?.id;
      if (!admin) throw new Error(`the API did not create the admin ${adminEmail}`);
      const names = ['정하은', 'Jason Lee', '박도윤', 'Megan Cho', '윤재원'];
      const emails = names.map((_, i) => `agent${i + 1}@bench.parley.test`);
      const agents = (
        await c.query(
          `INSERT INTO agents (name, email, password_hash, role, availability)
           SELECT n, e, $3, 'agent', 'online' FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(n, e, o) ORDER BY o RETURNING id`,
          [names, emails, hash],
        )
      ).rows.map((r) => r.id);
      const inboxes = (
        await c.query(
          `INSERT INTO inboxes (name, channel, public_token, identity_secret)
           VALUES ('Website chat', 'web_widget', md5(random()::text), md5(random()::text) || md5(random()::text)),
                  ('B2B quotes', 'email', md5(random()::text), md5(random()::text) || md5(random()::text))
           RETURNING id`,
        )
      ).rows.map((r) => r.id);
      // agent1 works both inboxes; agents 2-3 the website chat, 4-5 B2B quotes. The admin sees everything anyway.
      await c.query(
        `INSERT INTO inbox_members (inbox_id, agent_id) VALUES ($1, $3), ($2, $3), ($1, $4), ($1, $5), ($2, $6), ($2, $7), ($1, $8), ($2, $8)`,
        [inboxes[0], inboxes[1], ...agents, admin],
      );
      const labelIds = (
        await c.query(`INSERT INTO labels (name, color) SELECT * FROM unnest($1::text[], $2::text[]) RETURNING id`, [
          LABELS.map((l) => l[0]),
          LABELS.map((l) => l[1]),
        ])
      ).rows.map((r) => r.id);
      return { admin, agents, inboxes, labelIds };
    });

    const indexes = await step('drop secondary indexes', async () => {
      const list = await secondaryIndexes(c, ['contacts', 'contact_inboxes', 'conversations', 'messages', 'conversation_labels']);
      for (const ix of list) await c.query(`DROP INDEX ${ix.name}`);
      return list;
    });

    await step(`contacts (${NC})`, async () => {
      await c.query(
        `CREATE TEMP TABLE b_contacts ON COMMIT DROP AS
         SELECT n, id, ci_id, inbox_id, lang, first,
                CASE WHEN lang = 'ko' THEN last || first ELSE first || ' ' || last END AS name,
                email, phone, company, created_at
           FROM (SELECT g AS n, gen_random_uuid() AS id, gen_random_uuid() AS ci_id,
                        CASE WHEN r_inbox < 0.7 THEN $1::uuid ELSE $2::uuid END AS inbox_id,
                        CASE WHEN r_lang < 0.6 THEN 'ko' ELSE 'en' END AS lang,
                        CASE WHEN r_lang < 0.6 THEN ($3::text[])[1 + f % cardinality($3::text[])] ELSE ($7::text[])[1 + f % cardinality($7::text[])] END AS first,
                        CASE WHEN r_lang < 0.6 THEN ($4::text[])[1 + l % cardinality($4::text[])] ELSE ($8::text[])[1 + l % cardinality($8::text[])] END AS last,
                        CASE WHEN r_lang < 0.6
                             THEN ($5::text[])[1 + f % cardinality($5::text[])] || '.' || ($6::text[])[1 + l % cardinality($6::text[])]
                             ELSE lower(($7::text[])[1 + f % cardinality($7::text[])] || '.' || ($8::text[])[1 + l % cardinality($8::text[])])
                        END || g || '@' || ($9::text[])[1 + floor(random() * cardinality($9::text[]))::int] AS email,
                        CASE WHEN random() < 0.5 THEN '010-' || lpad(floor(random() * 10000)::int::text, 4, '0') || '-' || lpad(floor(random() * 10000)::int::text, 4, '0') END AS phone,
                        CASE WHEN random() < (CASE WHEN r_inbox < 0.7 THEN 0.1 ELSE 0.8 END) THEN ($10::text[])[1 + floor(random() * cardinality($10::text[]))::int] END AS company,
                        date_trunc('milliseconds', now() - random() * interval '400 days') AS created_at
                   FROM (SELECT g, random() AS r_lang, random() AS r_inbox, floor(random() * 1000)::int AS f, floor(random() * 1000)::int AS l
                           FROM generate_series(1, ${NC}) AS g) s) s2`,
        [inboxes[0], inboxes[1], KO_FIRST, KO_LAST, KO_FIRST_ROM, KO_LAST_ROM, EN_FIRST, EN_LAST, DOMAINS, COMPANIES],
      );
      await c.query(
        `INSERT INTO contacts (id, name, email, phone, company, locale, created_at, updated_at)
         SELECT id, name, email, phone, company, CASE WHEN lang = 'ko' THEN 'ko-KR' ELSE 'en-US' END, created_at, created_at FROM b_contacts ORDER BY n`,
      );
      await c.query(
        `INSERT INTO contact_inboxes (id, contact_id, inbox_id, source_id, created_at) SELECT ci_id, id, inbox_id, 'bench:' || n, created_at FROM b_contacts ORDER BY n`,
      );
    });

    await step(`conversations (${NV})`, async () => {
      // One row per conversation with everything its messages need; bodies of the first and last message are fixed here
      // so the preview can be written with the conversation (no second pass over 100k rows).
      await c.query(
        `CREATE TEMP TABLE b_conv ON COMMIT DROP AS
         SELECT v.*,
                CASE WHEN ${M} = 1 THEN first_body ELSE last_body END AS preview
           FROM (SELECT u.*,
                        replace(replace(CASE WHEN order_no IS NOT NULL THEN ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int]
                                             ELSE ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int] END,
                                        '{order}', coalesce(order_no, '')), '{name}', contact_name) AS first_body,
                        replace(replace(CASE WHEN last_incoming THEN ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int]
                                             ELSE ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int] END,
                                        '{name}', contact_name), '{first}', contact_first) AS last_body
                   FROM (SELECT t.n, t.id, t.last_at, t.created_at, t.last_incoming,
                                ct.id AS contact_id, ct.ci_id AS contact_inbox_id, ct.inbox_id, ct.name AS contact_name, ct.first AS contact_first,
                                (CASE WHEN t.rs < 0.50 THEN 'open' WHEN t.rs < 0.70 THEN 'pending' WHEN t.rs < 0.75 THEN 'snoozed' ELSE 'resolved' END)::conversation_status AS status,
                                (CASE WHEN t.rp < 0.25 THEN 'low' WHEN t.rp < 0.70 THEN 'medium' WHEN t.rp < 0.92 THEN 'high' ELSE 'urgent' END)::conversation_priority AS priority,
                                -- 60% assigned, evenly over the five agents and the admin (so assignee=me has rows).
                                CASE WHEN t.ra < 0.6 THEN ($1::uuid[])[1 + floor(t.ra * 10)::int] END AS assignee_id,
                                CASE WHEN t.ro < 0.35 THEN 'HB-' || to_char(t.created_at, 'YYYYMMDD') || '-' || lpad(floor(random() * 10000)::int::text, 4, '0') END AS order_no,
                                t.rl
                           FROM (SELECT g AS n, gen_random_uuid() AS id, 1 + floor(random() * ${NC})::int AS cn,
                                        random() AS rs, random() AS rp, random() AS ra, random() AS ro, random() AS rl,
                                        random() < 0.5 AS last_incoming, last_at,
                                        date_trunc('milliseconds', last_at - random() * interval '72 hours') AS created_at
                                   FROM (SELECT g, date_trunc('milliseconds', now() - random() * interval '90 days') AS last_at FROM generate_series(1, ${NV}) AS g) a) t
                           JOIN b_contacts ct ON ct.n = t.cn) u) v`,
        [[...agents, admin], OPENING_WITH_ORDER, OPENING, CONTACT_FOLLOW_UPS, AGENT_REPLIES],
      );
      // Display ids from the column's own sequence, oldest conversation first, as the app would have numbered them.
      const seqName = (await c.query(`SELECT pg_get_serial_sequence('conversations', 'display_id') AS s`)).rows[0].s;
      const base = Number((await c.query('SELECT nextval($1::regclass) AS v', [seqName])).rows[0].v);
      await c.query(
        `INSERT INTO conversations (id, display_id, status, priority, inbox_id, contact_id, contact_inbox_id, assignee_id, last_seq, last_message_preview,
                                    last_activity_at, first_response_due_at, first_responded_at, agent_unread_count, contact_unread_count, created_at, updated_at)
         SELECT id, $1::int + row_number() OVER (ORDER BY created_at, n) - 1, status, priority, inbox_id, contact_id, contact_inbox_id, assignee_id, ${M}, left(preview, 200),
                last_at, created_at + interval '1 hour',
                CASE WHEN ${M} > 1 THEN date_trunc('milliseconds', created_at + (last_at - created_at) / ${Math.max(M - 1, 1)}) END,
                CASE WHEN ${M} = 1 OR last_incoming THEN 1 + floor(random() * 3)::int ELSE 0 END, 0, created_at, last_at
           FROM b_conv ORDER BY created_at, n`,
        [base],
      );
      await c.query('SELECT setval($1::regclass, $2, true)', [seqName, base + NV - 1]);
      // ~30% of conversations carry a label, a third of those a second one.
      await c.query(
        `INSERT INTO conversation_labels (conversation_id, label_id)
         SELECT id, ($1::uuid[])[1 + floor(random() * cardinality($1::uuid[]))::int] FROM b_conv WHERE rl < 0.30
         UNION ALL
         SELECT id, ($1::uuid[])[1 + floor(random() * cardinality($1::uuid[]))::int] FROM b_conv WHERE rl < 0.10
         ON CONFLICT DO NOTHING`,
        [labelIds],
      );
    });

    await step(`messages (${NV * M})`, async () => {
      await c.query(
        `INSERT INTO messages (conversation_id, seq, message_type, sender_type, sender_id, contact_inbox_id, body, private, created_at)
         SELECT id, k,
                (CASE kind WHEN 'in' THEN 'incoming' WHEN 'activity' THEN 'activity' ELSE 'outgoing' END)::message_type,
                (CASE kind WHEN 'in' THEN 'contact' WHEN 'activity' THEN 'system' ELSE 'agent' END)::sender_type,
                CASE kind WHEN 'in' THEN contact_id WHEN 'activity' THEN coalesce(assignee_id, $5::uuid) ELSE coalesce(assignee_id, $6::uuid) END,
                CASE WHEN kind = 'in' THEN contact_inbox_id END,
                CASE WHEN k = 1 THEN first_body
                     WHEN k = ${M} THEN last_body
                     WHEN kind = 'activity' THEN ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int]
                     WHEN kind = 'note' THEN ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int]
                     WHEN kind = 'out' THEN replace(replace(($2::text[])[1 + floor(random() * cardinality($2::text[]))::int], '{name}', contact_name), '{first}', contact_first)
                     ELSE ($1::text[])[1 + floor(random() * cardinality($1::text[]))::int]
                END,
                kind = 'note',
                CASE WHEN k = ${M} THEN last_at ELSE date_trunc('milliseconds', created_at + (last_at - created_at) * ((k - 1)::float8 / ${Math.max(M - 1, 1)})) END
           FROM (SELECT v.*,
                        CASE WHEN k = 1 THEN 'in'
                             WHEN k = ${M} THEN CASE WHEN last_incoming THEN 'in' ELSE 'out' END
                             WHEN r < 0.05 THEN 'activity'
                             WHEN r < 0.13 THEN 'note'
                             WHEN k % 2 = 0 THEN 'out'
                             ELSE 'in' END AS kind
                   FROM (SELECT b.*, k, random() AS r FROM b_conv b CROSS JOIN generate_series(1, ${M}) AS k) v) x`,
        [CONTACT_FOLLOW_UPS, AGENT_REPLIES, NOTES, ACTIVITIES, admin, agents[0]],
      );
    });

    await step(`rebuild ${indexes.length} indexes`, async () => {
      for (const ix of indexes) await c.query(ix.def);
    });
    await step('commit', () => c.query('COMMIT'));
    await step('vacuum analyze', async () => {
      for (const t of [
        'contacts',
        'contact_inboxes',
        'conversations',
        'messages',
        'conversation_labels',
        'labels',
        'agents',
        'inboxes',
        'inbox_members',
      ])
        await c.query(`VACUUM (ANALYZE) ${t}`);
    });
  });
  return { ms: Math.round(performance.now() - t0), timings, agentsCanLogin: canLogin };
}
