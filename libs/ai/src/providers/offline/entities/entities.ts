/**
 * Entity extraction with regular expressions. The patterns are the shop's own identifier formats plus the
 * couriers' public formats; amounts and quantities understand Korean numerals (5만원, 3만5천원, 1.5억).
 */
import type { MoneyAmount, Quantity, TriageEntities } from '../../../ports';
import { nfkc } from '../text/normalize';

const ORDER_RE = /\b[A-Z]{2,4}-\d{6,8}-\d{3,6}\b/gi;
const TRACKING_PATTERNS: RegExp[] = [
  /\bPHX\d{9}\b/gi, // Parcelhop outbound waybill
  /\b1Z[0-9A-Z]{16}\b/gi, // UPS
  /\b[A-Z]{2}\d{9}[A-Z]{2}\b/g, // UPU S10: EMS, registered post (EJ123456789JP)
  /\b9[2-5]\d{18,20}\b/g, // USPS
  /(?<![\d-])\d{12}(?![\d-])|(?<![\d-])\d{15}(?![\d-])/g, // FedEx 12/15, CJ/Hanjin/Lotte 12
  /(?<![\d-])\d{10,11}(?![\d-])/g, // Korean couriers (10–11 digits); phone numbers start with 01 and are excluded below
];
const PHONE_LIKE = /^01[016789]\d{7,8}$/;

export function extractOrderNumbers(text: string): string[] {
  return unique([...text.matchAll(ORDER_RE)].map((m) => m[0].toUpperCase()));
}

export function extractTrackingNumbers(text: string): string[] {
  const masked = text.replace(ORDER_RE, ' ');
  const found: string[] = [];
  for (const re of TRACKING_PATTERNS) {
    for (const m of masked.matchAll(re)) {
      const value = m[0].toUpperCase();
      if (PHONE_LIKE.test(value)) continue;
      if (!found.some((f) => f.includes(value))) found.push(value);
    }
  }
  return found;
}

const CURRENCY_WORDS: Record<string, MoneyAmount['currency']> = {
  '₩': 'KRW', krw: 'KRW', 원: 'KRW', won: 'KRW',
  $: 'USD', usd: 'USD', 달러: 'USD', 불: 'USD', dollar: 'USD', dollars: 'USD', bucks: 'USD',
  '¥': 'JPY', jpy: 'JPY', 엔: 'JPY', yen: 'JPY',
  '€': 'EUR', eur: 'EUR', 유로: 'EUR',
  cny: 'CNY', rmb: 'CNY', 위안: 'CNY',
};

/** "1,500" → 1500; "3만5천" → 35000; "1.5억" → 150000000. */
export function parseKoreanNumber(raw: string): number | null {
  const s = raw.replace(/[,\s]/g, '');
  const m = /^(?:(\d+(?:\.\d+)?)억)?(?:(\d+(?:\.\d+)?)만)?(?:(\d+(?:\.\d+)?)천)?(\d+(?:\.\d+)?)?$/.exec(s);
  if (!m || s === '') return null;
  const [, eok, man, cheon, rest] = m;
  const value =
    (eok ? parseFloat(eok) * 1e8 : 0) +
    (man ? parseFloat(man) * 1e4 : 0) +
    (cheon ? parseFloat(cheon) * 1e3 : 0) +
    (rest ? parseFloat(rest) : 0);
  return Number.isFinite(value) ? value : null;
}

// Thousands separators only between digit groups, so a trailing comma in "KRW 120,000, $49" is not part of it.
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const KO_NUM = String.raw`(?:${NUM}억\s?)?(?:${NUM}만\s?)?(?:${NUM}천\s?)?(?:${NUM})?`;
const AMOUNT_PATTERNS: Array<{ re: RegExp; value: (m: RegExpMatchArray) => number | null; currency: (m: RegExpMatchArray) => string }> = [
  // ₩12,000 / $120 / $1.2k / ¥3,000
  {
    re: new RegExp(String.raw`([₩$¥€])\s?(${NUM})(\s?k\b)?`, 'gi'),
    value: (m) => {
      const v = parseKoreanNumber(m[2]);
      return v === null ? null : m[3] ? v * 1000 : v;
    },
    currency: (m) => m[1],
  },
  // KRW 120,000 / USD 200
  {
    re: new RegExp(String.raw`\b(krw|usd|jpy|eur|cny|rmb)\s?(${NUM})`, 'gi'),
    value: (m) => parseKoreanNumber(m[2]),
    currency: (m) => m[1].toLowerCase(),
  },
  // 5만원 / 35,000원 / 3만 5천원 / 200달러 / 3000엔 / 120 USD / 50 dollars
  {
    re: new RegExp(String.raw`(?<![\d.])(${KO_NUM})\s?(원|달러|불|엔|위안|유로|krw|usd|jpy|eur|cny|dollars?|bucks|won|yen)(?![a-z])`, 'gi'),
    value: (m) => parseKoreanNumber(m[1]),
    currency: (m) => m[2].toLowerCase(),
  },
];

export function extractAmounts(text: string): MoneyAmount[] {
  const source = text.normalize('NFKC').replace(ORDER_RE, ' ');
  const amounts: Array<MoneyAmount & { index: number }> = [];
  for (const { re, value, currency } of AMOUNT_PATTERNS) {
    for (const m of source.matchAll(re)) {
      const v = value(m);
      const c = CURRENCY_WORDS[currency(m)];
      const index = m.index ?? 0;
      if (v === null || v <= 0 || !c) continue;
      if (amounts.some((a) => index < a.index + a.raw.length && a.index < index + m[0].length)) continue;
      amounts.push({ raw: m[0].trim(), value: v, currency: c, index });
    }
  }
  return amounts.sort((a, b) => a.index - b.index).map(({ raw, value, currency }) => ({ raw, value, currency }));
}

const UNIT_ALIASES: Record<string, string> = {
  개: 'pcs', ea: 'pcs', pcs: 'pcs', pc: 'pcs', piece: 'pcs', pieces: 'pcs', units: 'pcs', unit: 'pcs', items: 'pcs', item: 'pcs',
  박스: 'box', 상자: 'box', box: 'box', boxes: 'box', ctn: 'box', cartons: 'box', carton: 'box',
  kg: 'kg', 키로: 'kg', 킬로: 'kg', kilo: 'kg', kilos: 'kg', g: 'g', lb: 'lb', lbs: 'lb',
  병: 'bottle', bottle: 'bottle', bottles: 'bottle',
  켤레: 'pair', pair: 'pair', pairs: 'pair',
  세트: 'set', set: 'set', sets: 'set', 벌: 'pcs', 장: 'sheet', 대: 'unit', 통: 'can', 팩: 'pack', packs: 'pack', pack: 'pack',
  팔레트: 'pallet', pallet: 'pallet', pallets: 'pallet', 건: 'parcel', packages: 'parcel', package: 'parcel', parcels: 'parcel',
};

const QUANTITY_RE = new RegExp(
  String.raw`(?<![\d.,A-Za-z-])(\d[\d,]*(?:\.\d+)?|\d+(?:\.\d+)?만|\d+천)\s?(${Object.keys(UNIT_ALIASES)
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![a-z])`,
  'gi',
);

export function extractQuantities(text: string): Quantity[] {
  const source = text.normalize('NFKC').replace(ORDER_RE, ' ');
  const out: Quantity[] = [];
  for (const m of source.matchAll(QUANTITY_RE)) {
    const value = parseKoreanNumber(m[1]);
    if (value === null || value <= 0) continue;
    out.push({ raw: m[0], value, unit: UNIT_ALIASES[m[2].toLowerCase()] ?? m[2] });
  }
  return out;
}

// "(주)한빛상사", "주식회사 모아", "한빛무역", "Nordhaven Trading Korea", "Acme Co., Ltd."
const COMPANY_PATTERNS: Array<{ re: RegExp; group: number }> = [
  { re: /(?:\(주\)|㈜|주식회사)\s?[가-힣A-Za-z0-9&]+/, group: 0 },
  { re: /[가-힣A-Za-z0-9&]+\s?(?:\(주\)|㈜)/, group: 0 },
  {
    re: /\b((?:[A-Z][A-Za-z0-9&'-]+\s){0,3}[A-Z][A-Za-z0-9&'-]*\s(?:Co\.?,?\s?Ltd\.?|Inc\.?|LLC|Corp\.?|Corporation|Trading|Korea|Company|GmbH|Ltd\.?))/,
    group: 1,
  },
  { re: /([가-힣]{2,8}(?:상사|무역|물산|유통|컴퍼니|코리아|테크|랩스|스튜디오|인터내셔널|트레이딩))(?=[은는이가을를의에도,.\s]|$)/, group: 1 },
];

// Copulas and particles glued to a Korean company name ("한빛상사입니다", "한빛상사에서").
const COMPANY_TRAILING_RE = /(?:입니다|이에요|예요|인데요|인데|에서|이고|이며|의|은|는|을|를|에|와|과|도)$/;

export function extractCompany(text: string): string | null {
  const source = text.normalize('NFKC');
  for (const { re, group } of COMPANY_PATTERNS) {
    const m = re.exec(source);
    if (m) return m[group].trim().replace(COMPANY_TRAILING_RE, '');
  }
  return null;
}

export function extractEntities(raw: string): TriageEntities {
  const text = nfkc(raw);
  return {
    orderNumbers: extractOrderNumbers(text),
    trackingNumbers: extractTrackingNumbers(text),
    company: extractCompany(text),
    quantities: extractQuantities(text),
    amounts: extractAmounts(text),
  };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
