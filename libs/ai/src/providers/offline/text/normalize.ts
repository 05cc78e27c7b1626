/**
 * Text normalisation shared by triage features and retrieval.
 *
 * Chat text varies in ways that carry no meaning for triage: full-width forms typed on Korean IMEs,
 * spacing ("배송 대행" / "배송대행"), stretched characters ("ㅠㅠㅠㅠ", "sooo", "!!!!"), and unique
 * identifiers (order numbers, URLs) that would otherwise become one-off features. We fold all of that
 * into a canonical form and keep placeholders so that "the message contains an order number" remains a
 * signal even though the number itself does not.
 */
import { isHangulSyllable } from './hangul';

/**
 * Placeholders are single private-use characters so a character n-gram sees them as one symbol;
 * `PLACEHOLDER_WORDS` gives the word-level token used for word features.
 */
export const PLACEHOLDER = {
  url: '\uE000',
  email: '\uE001',
  orderNumber: '\uE002',
  trackingNumber: '\uE003',
  suiteNumber: '\uE004',
  amount: '\uE005',
  number: '\uE006',
  laugh: '\uE007',
  cry: '\uE008',
  phone: '\uE009',
  emojiHappy: '\uE00A',
  emojiSad: '\uE00B',
  emojiAngry: '\uE00C',
  emoji: '\uE00D',
} as const;

export type PlaceholderKind = keyof typeof PLACEHOLDER;

export const PLACEHOLDER_WORDS: Record<string, string> = Object.fromEntries(
  Object.entries(PLACEHOLDER).map(([kind, ch]) => [ch, `<${kind}>`]),
);

export function isPlaceholder(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code >= 0xe000 && code <= 0xe00d;
}

// Identifiers. Order numbers look like PH-240312-0042 or HB-20261121-0042 (shop prefix, date, serial).
export const ORDER_NUMBER_RE = /\b[A-Z]{2,4}-?\d{6,8}-\d{3,6}\b/gi;
// Parcelhop outbound waybills (PHX + 9 digits), UPS 1Z..., UPU S10 (EMS/registered: EJ123456789JP),
// and long digit runs that are not phone numbers (couriers use 10–22 digits).
export const TRACKING_NUMBER_RE = /\b(?:PHX\d{9}|1Z[0-9A-Z]{16}|[A-Z]{2}\d{9}[A-Z]{2}|\d{10,22})\b/gi;
// Warehouse suite numbers: PH + 6 digits.
export const SUITE_NUMBER_RE = /\bPH\d{6}\b/gi;
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"']+|\b[a-z0-9-]+\.(?:com|net|org|co\.kr|co\.jp|kr|jp|cn|ly|io)(?:\/[^\s<>"']*)?/gi;
const EMAIL_RE = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
const PHONE_RE = /(?:\+?\d{1,3}[-\s])?\b0\d{1,2}-\d{3,4}-\d{4}\b/g;
// Money: ₩/$/¥/€ prefixes, KRW/USD/JPY/EUR codes, 원/만원/달러/엔/불 suffixes, "dollars"/"won"/"yen".
export const AMOUNT_RE =
  /(?:[₩$¥€]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|만|천)(?![a-z]))?|\b(?:krw|usd|jpy|eur|cny|rmb)\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s?(?:억\s?\d*\s?천?\s?만?\s?원|만\s?\d*\s?천?\s?원|천\s?원|원|만원|달러|불|엔|위안|유로|(?:krw|usd|jpy|eur|cny|dollars?|bucks|won|yen)(?![a-z])))/gi;

const LAUGH_RE = /[ㅋㅎ]{2,}|[ㅋㅎ](?=[\s!?.~]|$)|\b(?:lol|lmao|haha+|hehe+)\b/gi;
const CRY_RE = /[ㅠㅜ]{1,}[.ㅠㅜ]*|\bT[._]T\b|;;+/g;
const HAPPY_EMOJI_RE = /[\u{1F600}-\u{1F60F}\u{1F617}-\u{1F61D}\u{1F642}\u{1F643}\u{1F60A}\u{1F970}\u{1F929}\u{1F44D}\u{1F44F}\u{1F64F}\u{2764}\u{1F495}\u{1F496}\u{1F49B}\u{1F49A}\u{1F499}\u{1F49C}\u{1F389}\u{1F38A}\u{2728}\u{1F60D}\u{263A}]/gu;
const SAD_EMOJI_RE = /[\u{1F622}\u{1F62D}\u{1F625}\u{1F61E}\u{1F61F}\u{1F614}\u{1F615}\u{1F641}\u{2639}\u{1F630}\u{1F628}\u{1F629}\u{1F62B}\u{1F97A}\u{1F613}]/gu;
const ANGRY_EMOJI_RE = /[\u{1F620}\u{1F621}\u{1F624}\u{1F92C}\u{1F4A2}\u{1F44E}]/gu;
const OTHER_EMOJI_RE = /\p{Extended_Pictographic}/gu;

// Frequent chat misspellings that jamo similarity would not fix reliably (different syllable counts).
const SPELLING_FIXES: Array<[RegExp, string]> = [
  [/됬/g, '됐'],
  [/몇일/g, '며칠'],
  [/어떻해/g, '어떡해'],
  [/않되/g, '안되'],
  [/할께요/g, '할게요'],
  [/되요/g, '돼요'],
  [/왠만/g, '웬만'],
  [/금일/g, '오늘'],
  [/명일/g, '내일'],
  [/\bpls\b|\bplz\b/g, 'please'],
  [/\bthx\b|\bthnx\b|\bty\b/g, 'thanks'],
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\bpkg\b/g, 'package'],
  [/\basap\b/g, 'as soon as possible'],
  [/\bqty\b/g, 'quantity'],
];

/**
 * NFKC, except for compatibility jamo (ㅋ, ㅠ, ㅇㅋ): NFKC turns them into conjoining jamo, and canonical
 * composition would then fuse "ㅋㅠ" into the syllable "큐".
 */
export function nfkc(text: string): string {
  return text.replace(/[^\u3131-\u318E]+/g, (run) => run.normalize('NFKC'));
}

// Control characters other than tab and newlines (pasted text carries them and they split n-grams).
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

export interface NormalizeOptions {
  /** Replace identifiers, amounts and numbers with placeholders (triage). Retrieval keeps numbers. */
  placeholders?: boolean;
}

/**
 * Canonical form: NFKC (full-width → ASCII, half-width katakana etc.), lowercase, stretched characters
 * capped at two, emoticons folded into placeholders, whitespace collapsed.
 */
export function normalizeText(raw: string, options: NormalizeOptions = {}): string {
  const placeholders = options.placeholders ?? true;
  let t = nfkc(raw ?? '');
  // Zero-width and control characters are common in pasted text and break n-grams.
  t = t.replace(/[\u200B-\u200D\uFEFF\u00AD]/g, '').replace(CONTROL_CHARS, ' ');
  if (placeholders) {
    t = t.replace(URL_RE, ` ${PLACEHOLDER.url} `);
    t = t.replace(EMAIL_RE, ` ${PLACEHOLDER.email} `);
    t = t.replace(ORDER_NUMBER_RE, ` ${PLACEHOLDER.orderNumber} `);
    t = t.replace(SUITE_NUMBER_RE, ` ${PLACEHOLDER.suiteNumber} `);
    t = t.replace(PHONE_RE, ` ${PLACEHOLDER.phone} `);
    t = t.replace(TRACKING_NUMBER_RE, ` ${PLACEHOLDER.trackingNumber} `);
  }
  t = t.toLowerCase();
  for (const [re, to] of SPELLING_FIXES) t = t.replace(re, to);
  t = t.replace(LAUGH_RE, ` ${PLACEHOLDER.laugh} `);
  t = t.replace(CRY_RE, ` ${PLACEHOLDER.cry} `);
  t = t.replace(HAPPY_EMOJI_RE, ` ${PLACEHOLDER.emojiHappy} `);
  t = t.replace(SAD_EMOJI_RE, ` ${PLACEHOLDER.emojiSad} `);
  t = t.replace(ANGRY_EMOJI_RE, ` ${PLACEHOLDER.emojiAngry} `);
  t = t.replace(OTHER_EMOJI_RE, ` ${PLACEHOLDER.emoji} `);
  t = t.replace(/[\uFE0F\u200D]/g, '');
  if (placeholders) {
    t = t.replace(AMOUNT_RE, ` ${PLACEHOLDER.amount} `);
    // Remaining numbers keep their unit ("3개", "5kg") but not their value.
    t = t.replace(/\d+(?:[.,]\d+)*/g, PLACEHOLDER.number);
  }
  // Cap stretched characters: "ㅠㅠㅠㅠ" and "!!!!!" carry the same signal as two of them.
  t = t.replace(/(.)\1{2,}/gu, '$1$1');
  t = t.replace(/\s+/g, ' ').trim();
  return t;
}

/**
 * Removes spaces between Hangul syllables so that spacing variants share character n-grams
 * ("배송 대행 신청" → "배송대행신청"). Latin words keep their separating space.
 */
export function compactHangulSpacing(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === ' ' && i > 0 && i < text.length - 1 && isHangulSyllable(text[i - 1]) && isHangulSyllable(text[i + 1])) {
      continue;
    }
    out += ch;
  }
  return out;
}
