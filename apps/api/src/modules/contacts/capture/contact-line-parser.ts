import {
  type CountryCode,
  type PhoneNumber,
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import {
  COMPANY_PHRASES,
  EN_COMPANY_MARKERS,
  EN_CONNECTORS,
  EN_HONORIFICS,
  EN_LEGAL_FORMS,
  EN_STOPWORDS,
  EN_TITLES,
  FAX_BEFORE,
  FIELD_LABELS,
  KO_COMPANY_MARKERS,
  KO_COMPANY_SUFFIXES,
  KO_COMPOUND_SURNAMES,
  KO_COPULA_SUFFIXES,
  KO_HONORIFIC_SUFFIXES,
  KO_SENTENCE_ENDING,
  KO_STOPWORDS,
  KO_SURNAMES,
  KO_TITLE_SUFFIXES,
  type LabelKind,
  NAME_PHRASES,
  NOT_PHONE_AFTER,
  NOT_PHONE_BEFORE,
  PHONE_LABEL_BEFORE,
} from './contact-line-lexicon';

/**
 * Reads the one line a widget visitor types when asked how to reach them
 * ("홍길동 / 한빛상사 / 010-1234-5678 / hong@hanbit.kr") into contact fields. Pure and total:
 * any input yields a capture, never an exception.
 */

export type CaptureLocale = 'ko' | 'en';
export type MissingCaptureField = 'name' | 'contact';
export type PhoneInvalidReason = 'too_short' | 'too_long' | 'invalid_number';
export type EmailInvalidReason =
  | 'multiple_at'
  | 'missing_local_part'
  | 'missing_domain'
  | 'missing_tld'
  | 'invalid_characters'
  | 'invalid_dots'
  | 'invalid_domain'
  | 'too_long'
  | 'domain_typo';

export interface InvalidCaptureValue {
  field: 'phone' | 'email';
  /** As typed (trimmed, at most 60 characters). */
  value: string;
  reason: PhoneInvalidReason | EmailInvalidReason;
  /** A likely intended value, for well-known typos ("hong@gmial.com" → "hong@gmail.com"). */
  suggestion?: string;
}

export type CaptureNote =
  | { kind: 'additional_phone'; value: string }
  | { kind: 'additional_email'; value: string }
  | { kind: 'input_truncated'; originalLength: number };

export interface ContactCapture {
  name: string | null;
  company: string | null;
  /** E.164, e.g. +821012345678. */
  phone: string | null;
  /** National format when the number is in the default country (010-1234-5678), else international (+1 415 555 0132). */
  phoneDisplay: string | null;
  /** Local part as typed, domain lower-cased. */
  email: string | null;
  /** `contact` means neither a valid phone nor a valid email was found. */
  missing: MissingCaptureField[];
  /** Values that looked like a phone or an email but are not valid, in the order typed. */
  invalid: InvalidCaptureValue[];
  /** Further valid phones/emails beyond the first, and whether the input was cut. */
  notes: CaptureNote[];
}

export interface ParseContactLineOptions {
  /** ISO 3166-1 alpha-2 country for numbers typed without +; unknown codes fall back to KR. */
  defaultCountry?: 'KR' | string;
}

/** Visible characters read after markup is stripped; a contact line is short, anything past this is noise. */
export const MAX_CONTACT_LINE_LENGTH = 500;
/** Raw characters looked at, so markup before the text cannot push the contact out of the window. */
const MAX_RAW_LENGTH = 2_000;
const MAX_NAME_LENGTH = 60;
const MAX_COMPANY_LENGTH = 100;
const MAX_REPORTED_VALUE_LENGTH = 60;

// Private-use placeholders: ㈜ survives NFKC (which would turn it into "(주)"), and the comma in "Co., Ltd." survives segment splitting.
const JU_MARK = '\uE000';
const LEGAL_COMMA = '\uE001';

export function parseContactLine(line: string, options: ParseContactLineOptions = {}): ContactCapture {
  try {
    return parse(line, options);
  } catch {
    // The heuristics below are total by design; this only guards the widget from an unforeseen bug.
    return finish({ name: null, company: null, phone: null, phoneDisplay: null, email: null, invalid: [], notes: [] });
  }
}

function parse(line: unknown, options: ParseContactLineOptions): ContactCapture {
  const country = toCountry(options?.defaultCountry);
  const { text, truncatedFrom } = cleanInput(line);
  const notes: CaptureNote[] = truncatedFrom === null ? [] : [{ kind: 'input_truncated', originalLength: truncatedFrom }];
  const work = new WorkText(text);

  const emails = extractEmails(work);
  const phones = extractPhones(work, country);
  const { name, company } = extractNameAndCompany(work.text);

  const validEmails = unique(emails.filter((e) => e.valid).map((e) => e.value));
  const validPhones = uniqueBy(phones.valid, (p) => p.number);
  validEmails.slice(1).forEach((value) => notes.push({ kind: 'additional_email', value }));
  validPhones.slice(1).forEach((p) => notes.push({ kind: 'additional_phone', value: p.number }));

  const invalid = [...emails.flatMap((e) => (e.invalid ? [e.invalid] : [])), ...phones.invalid]
    .sort((a, b) => a.at - b.at)
    .map((x) => x.value);

  const phone = validPhones[0] ?? null;
  return finish({
    name,
    company,
    phone: phone ? phone.number : null,
    phoneDisplay: phone ? (phone.country === country ? phone.formatNational() : phone.formatInternational()) : null,
    email: validEmails[0] ?? null,
    invalid: uniqueBy(invalid, (i) => `${i.field}:${i.value}`),
    notes,
  });
}

function finish(c: Omit<ContactCapture, 'missing'>): ContactCapture {
  const missing: MissingCaptureField[] = [];
  if (!c.name) missing.push('name');
  if (!c.phone && !c.email) missing.push('contact');
  return {
    name: c.name,
    company: c.company,
    phone: c.phone,
    phoneDisplay: c.phoneDisplay,
    email: c.email,
    missing,
    invalid: c.invalid,
    notes: c.notes,
  };
}

function toCountry(code: unknown): CountryCode {
  const upper = typeof code === 'string' ? code.trim().toUpperCase() : '';
  return isSupportedCountry(upper) ? upper : 'KR';
}

// ---------------------------------------------------------------------------------------------
// Input cleaning

function cleanInput(input: unknown): { text: string; truncatedFrom: number | null } {
  const raw = typeof input === 'string' ? input : '';
  let cut = raw.length > MAX_RAW_LENGTH;
  let t = (cut ? raw.slice(0, MAX_RAW_LENGTH) : raw)
    .replace(/[\uE000-\uF8FF]/g, ' ')
    // "John Kim <john@acme.com>" keeps its address; every other tag goes.
    .replace(/<([^<>\s@]{1,64}@[^<>\s@]{1,255})>/g, ' $1 ')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
    .replace(/<\/?[a-z!?/][^<>]*(?:>|$)/gi, ' ')
    .replace(/[<>]/g, ' ')
    .replace(/&(?:nbsp|#160|#xa0);/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&(?:[a-z]{2,8}|#\d{1,7}|#x[0-9a-f]{1,6});/gi, ' ')
    .replace(/[\u2028\u2029\r]/g, '\n')
    .replace(/\p{Extended_Pictographic}|\p{Cs}|[\uFE00-\uFE0F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/gu, ' ')
    .replace(/[^\P{Cc}\t\n]/gu, ' ')
    .replace(/㈜/g, JU_MARK)
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02BC]/g, "'");
  if (t.length > MAX_CONTACT_LINE_LENGTH) {
    // Drop the word cut in half, so "010-1234-5678" never becomes an "invalid" 010-1234-5.
    const head = t.slice(0, MAX_CONTACT_LINE_LENGTH);
    t = (/\s/.test(t[MAX_CONTACT_LINE_LENGTH]) ? head : head.replace(/\S+$/, '')).replace(/\p{Cs}/gu, '');
    cut = true;
  }
  return { text: t, truncatedFrom: cut ? raw.length : null };
}

/** The line being read; recognised values are blanked out (same length, so offsets stay valid) and act as separators. */
class WorkText {
  constructor(public text: string) {}
  blank(start: number, end: number): void {
    this.text = this.text.slice(0, start) + '\n'.padEnd(end - start, ' ') + this.text.slice(end);
  }
}

// ---------------------------------------------------------------------------------------------
// Emails

interface EmailHit {
  valid: boolean;
  value: string;
  invalid?: { at: number; value: InvalidCaptureValue };
}

const EMAIL_CHAR = `[^\\s/,|;·•・<>()\\[\\]{}"':\\u3131-\\u318E\\uAC00-\\uD7A3@]`;
const EMAIL_CANDIDATE = new RegExp(`${EMAIL_CHAR}*(?:@${EMAIL_CHAR}*)+`, 'g');
const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Typos of the mailboxes Korean and English visitors most often use. */
const DOMAIN_TYPOS: Record<string, string> = {
  'gmial.com': 'gmail.com',
  'gmai.com': 'gmail.com',
  'gamil.com': 'gmail.com',
  'gnail.com': 'gmail.com',
  'gmail.co': 'gmail.com',
  'gmail.cm': 'gmail.com',
  'navr.com': 'naver.com',
  'nvaer.com': 'naver.com',
  'naver.cm': 'naver.com',
  'hanmial.net': 'hanmail.net',
  'hotmial.com': 'hotmail.com',
};
const TLD_TYPOS: Record<string, string> = {
  con: 'com',
  cmo: 'com',
  ocm: 'com',
  vom: 'com',
  xom: 'com',
  comm: 'com',
  nte: 'net',
  nett: 'net',
};

function extractEmails(work: WorkText): EmailHit[] {
  const hits: EmailHit[] = [];
  for (const m of work.text.matchAll(EMAIL_CANDIDATE)) {
    const start = m.index ?? 0;
    const token = m[0].replace(/^[.\-_]+/, '').replace(/[.!?\-_]+$/, '');
    if (!token.includes('@')) continue;
    const [local, ...rest] = token.split('@');
    const domain = rest.join('@');
    // "@hanbit_store" is a social handle, not an attempt at an email.
    if (!local && !domain.includes('.')) continue;
    work.blank(start, start + m[0].length);
    const check = checkEmail(token);
    if (check.reason === null) {
      hits.push({ valid: true, value: `${local}@${domain.toLowerCase()}` });
    } else {
      const value = truncate(token, MAX_REPORTED_VALUE_LENGTH);
      const invalid: InvalidCaptureValue = { field: 'email', value, reason: check.reason };
      if (check.suggestion) invalid.suggestion = check.suggestion;
      hits.push({ valid: false, value, invalid: { at: start, value: invalid } });
    }
  }
  return hits;
}

function checkEmail(token: string): { reason: EmailInvalidReason | null; suggestion?: string } {
  const parts = token.split('@');
  if (parts.length > 2) return { reason: 'multiple_at' };
  const [local, rawDomain] = parts;
  const domain = rawDomain.toLowerCase();
  if (!local) return { reason: 'missing_local_part' };
  if (!domain) return { reason: 'missing_domain' };
  if (local.length > 64 || token.length > 254) return { reason: 'too_long' };
  if (!EMAIL_LOCAL.test(local)) return { reason: 'invalid_characters' };
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return { reason: 'invalid_dots' };
  if (!domain.includes('.')) return { reason: 'missing_tld' };
  const labels = domain.split('.');
  if (labels.some((l) => l === '')) return { reason: 'invalid_dots' };
  if (!labels.every((l) => DOMAIN_LABEL.test(l))) return { reason: 'invalid_domain' };
  const tld = labels[labels.length - 1];
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})$/.test(tld)) return { reason: 'invalid_domain' };
  const knownTypo = DOMAIN_TYPOS[domain];
  if (knownTypo) return { reason: 'domain_typo', suggestion: `${local}@${knownTypo}` };
  const tldTypo = TLD_TYPOS[tld];
  if (tldTypo) return { reason: 'domain_typo', suggestion: `${local}@${[...labels.slice(0, -1), tldTypo].join('.')}` };
  return { reason: null };
}

// ---------------------------------------------------------------------------------------------
// Phones

interface PhoneScan {
  valid: PhoneNumber[];
  invalid: { at: number; value: InvalidCaptureValue }[];
}

interface Span {
  start: number;
  end: number;
}

const PHONE_CANDIDATE = /(?:\+[ \t]*)?\(?\d(?:[\d \t().-]*\d)?/g;
const MAX_GROUPS_PER_NUMBER = 6;

function extractPhones(work: WorkText, country: CountryCode): PhoneScan {
  const scan: PhoneScan = { valid: [], invalid: [] };
  const consumed: Span[] = [];
  const text = work.text;

  const contextOf = (span: Span) => {
    const before =
      text
        .slice(Math.max(0, span.start - 24), span.start)
        .split('\n')
        .pop() ?? '';
    const after = text.slice(span.end, span.end + 12).split('\n')[0];
    return { before, after };
  };

  const judge = (span: Span): 'phone' | 'fax' | 'other' => {
    const value = text.slice(span.start, span.end);
    const digits = value.replace(/\D/g, '');
    if (digits.length < 4 || digits.length > 17) return 'other';
    const { before, after } = contextOf(span);
    if (FAX_BEFORE.test(before)) return 'fax';
    if (NOT_PHONE_BEFORE.test(before) || NOT_PHONE_AFTER.test(after)) return 'other';
    if (/^\d{4}[.-]\d{1,2}[.-]\d{1,2}$|^\d{1,2}[.-]\d{1,2}[.-]\d{4}$/.test(value)) return 'other';
    if (value.startsWith('+') || PHONE_LABEL_BEFORE.test(before)) return 'phone';
    const trunk = /^\(?0/.test(value) && digits.length >= 6;
    if (country === 'KR') return trunk || /^1[5-9]\d{2}-?\d{4}$/.test(value) ? 'phone' : 'other';
    return trunk || digits.length >= 7 ? 'phone' : 'other';
  };

  const reportInvalid = (span: Span) => {
    const value = text.slice(span.start, span.end).trim();
    scan.invalid.push({
      at: span.start,
      value: { field: 'phone', value: truncate(value, MAX_REPORTED_VALUE_LENGTH), reason: phoneReason(value, country) },
    });
    consumed.push(span);
  };

  // Leftover digit groups: an invalid number as a whole ("010 123"), else each group on its own ("12345 010-123").
  const flush = (groups: Span[]) => {
    if (groups.length === 0) return;
    const whole = { start: groups[0].start, end: groups[groups.length - 1].end };
    const verdict = judge(whole);
    if (verdict === 'phone') return reportInvalid(whole);
    if (verdict === 'fax') return void consumed.push(whole);
    if (groups.length === 1) return;
    for (const g of groups) {
      const v = judge(g);
      if (v === 'phone') reportInvalid(g);
      else if (v === 'fax') consumed.push(g);
    }
  };

  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const base = m.index ?? 0;
    const groups = digitGroups(m[0], base);
    let leftovers: Span[] = [];
    let i = 0;
    while (i < groups.length) {
      let matched = false;
      // Longest run of space-separated groups that is a valid number: "010 1234 5678" is one number, "12345 010-1234-5678" is not.
      for (let j = Math.min(groups.length, i + MAX_GROUPS_PER_NUMBER); j > i; j--) {
        const span = { start: groups[i].start, end: groups[j - 1].end };
        const verdict = judge(span);
        if (verdict === 'other') continue;
        const number = validNumber(text.slice(span.start, span.end), country);
        if (!number) continue;
        flush(leftovers);
        leftovers = [];
        if (verdict === 'phone') scan.valid.push(number);
        consumed.push(span);
        i = j;
        matched = true;
        break;
      }
      if (!matched) leftovers.push(groups[i++]);
    }
    flush(leftovers);
  }
  for (const s of consumed) work.blank(s.start, s.end);
  return scan;
}

function digitGroups(candidate: string, base: number): Span[] {
  const groups: Span[] = [];
  for (const g of candidate.matchAll(/[^ \t]+/g)) {
    const start = base + (g.index ?? 0);
    const trimmed = g[0].replace(/[.(-]+$/, '');
    if (!trimmed) continue;
    const prev = groups[groups.length - 1];
    // "+ 82 10 ..." : a lone plus belongs to the next group.
    if (prev && candidateText(candidate, base, prev) === '+') prev.end = start + trimmed.length;
    else groups.push({ start, end: start + trimmed.length });
  }
  return groups;
}

function candidateText(candidate: string, base: number, span: Span): string {
  return candidate.slice(span.start - base, span.end - base);
}

function validNumber(value: string, country: CountryCode): PhoneNumber | undefined {
  const n = value.trim().startsWith('+') ? parsePhoneNumberFromString(value) : parsePhoneNumberFromString(value, country);
  return n && n.isValid() ? n : undefined;
}

/** A phone number typed in a field of its own, as E.164 (+821012345678); null when it is not a valid number. */
export function normalizePhone(value: unknown, defaultCountry = 'KR'): string | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  return validNumber(value, toCountry(defaultCountry))?.number ?? null;
}

function phoneReason(value: string, country: CountryCode): PhoneInvalidReason {
  const r = value.startsWith('+') ? validatePhoneNumberLength(value) : validatePhoneNumberLength(value, country);
  if (r === 'TOO_SHORT') return 'too_short';
  if (r === 'TOO_LONG') return 'too_long';
  return 'invalid_number';
}

// ---------------------------------------------------------------------------------------------
// Name and company

interface Piece {
  label: LabelKind | null;
  text: string;
}

interface Token {
  raw: string;
  /** Without surrounding punctuation; company markers like "(주)" and "Co." keep theirs. */
  core: string;
  used: boolean;
}

interface NameCandidate {
  value: string;
  score: number;
  order: number;
  piece: number;
}

interface CompanyCandidate {
  value: string;
  order: number;
  piece: number;
  labeled: boolean;
  /** For a run like "John Kim Acme Trading": the capitalised words before the first marker. */
  leadWords: string[];
  tail: string;
}

interface PieceReading {
  names: NameCandidate[];
  companies: CompanyCandidate[];
  /** The whole piece, when it is short plain words that could be an unmarked company name ("한빛", "Hanbit"). */
  plain: string | null;
}

const SEGMENT_SPLIT = /[\n\t/|;,·•・\u119E\u318D\u2027\u2219]+|\s[-–—~]+\s|\((?![주유사재합株有]\))|(?<!\([주유사재합株有])\)|[[\]{}"]/u;

const LABEL_KIND = new Map<string, LabelKind>();
for (const [kind, words] of Object.entries(FIELD_LABELS) as [LabelKind, readonly string[]][]) {
  for (const w of words) LABEL_KIND.set(w, kind);
}
LABEL_KIND.set('회사이름', 'company');
const PHRASE_KIND = new Map<string, LabelKind>([
  ...NAME_PHRASES.map((p): [string, LabelKind] => [p, 'name']),
  ...COMPANY_PHRASES.map((p): [string, LabelKind] => [p, 'company']),
]);
const LABEL_WORDS = new Set([...LABEL_KIND.keys()].filter((k) => !k.includes(' ')));

const toAlternation = (words: Iterable<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s*'))
    .join('|');
const COLON_LABEL = new RegExp(`(?<![\\p{L}\\p{N}])(${toAlternation(LABEL_KIND.keys())})\\s*[:=]\\s*`, 'giu');
const PHRASE_LABEL = new RegExp(`(?<![\\p{L}\\p{N}])(${toAlternation(PHRASE_KIND.keys())})(?=\\s|$)\\s*`, 'giu');

function extractNameAndCompany(text: string): { name: string | null; company: string | null } {
  const protectedText = text.replace(/,(?=\s*(?:inc|ltd|llc|co|corp|limited|plc|gmbh|pty|llp)\b\.?(?![\w-]))/gi, LEGAL_COMMA);
  const pieces = protectedText.split(SEGMENT_SPLIT).flatMap(splitLabels);

  const names: NameCandidate[] = [];
  const companies: CompanyCandidate[] = [];
  const plains: { value: string; piece: number; weak: boolean }[] = [];
  let order = 0;

  pieces.forEach((piece, index) => {
    const reading = readPiece(piece, index, () => order++);
    names.push(...reading.names);
    companies.push(...reading.companies);
    if (reading.plain !== null && reading.companies.length === 0) {
      plains.push({ value: reading.plain, piece: index, weak: reading.names.every((n) => n.score < 3) });
    }
  });

  const name = [...names].sort((a, b) => b.score - a.score || a.order - b.order)[0] ?? null;
  let company = companies.find((c) => c.labeled) ?? companies[0] ?? null;
  let nameValue = name?.value ?? null;

  // "John Kim Acme Trading Co." typed without separators: the first two capitalised words are the person.
  if (!nameValue && company && company.leadWords.length >= 3) {
    nameValue = company.leadWords.slice(0, 2).join(' ');
    company = { ...company, value: [...company.leadWords.slice(2), company.tail].join(' ') };
  }

  let companyValue: string | null = company?.value ?? null;
  // "홍길동 / 한빛 / 010-..." : a short unmarked piece beside a clear name is most likely the company.
  if (!companyValue && name) {
    companyValue = plains.find((p) => p.piece !== name.piece && p.weak)?.value ?? null;
  }
  return { name: nameValue ? finalName(nameValue) : null, company: companyValue ? finalCompany(companyValue) : null };
}

function splitLabels(segment: string): Piece[] {
  const hits: { index: number; end: number; kind: LabelKind }[] = [];
  for (const m of segment.matchAll(COLON_LABEL)) {
    hits.push({ index: m.index ?? 0, end: (m.index ?? 0) + m[0].length, kind: LABEL_KIND.get(normalizeLabel(m[1])) ?? 'ignore' });
  }
  for (const m of segment.matchAll(PHRASE_LABEL)) {
    const index = m.index ?? 0;
    if (hits.some((h) => index < h.end && h.index < index + m[0].length)) continue;
    hits.push({ index, end: index + m[0].length, kind: PHRASE_KIND.get(normalizeLabel(m[1])) ?? 'ignore' });
  }
  hits.sort((a, b) => a.index - b.index);

  const pieces: Piece[] = [];
  const head = segment.slice(0, hits[0]?.index ?? segment.length);
  if (head.trim()) pieces.push(labelByFirstWord(head));
  hits.forEach((h, i) => {
    const value = segment.slice(h.end, hits[i + 1]?.index ?? segment.length);
    if (value.trim()) pieces.push({ label: h.kind, text: value });
  });
  return pieces;
}

function normalizeLabel(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ');
}

/** "이름 홍길동", "회사 한빛상사": a label word without a colon. Phone and email labels are left to the patterns. */
function labelByFirstWord(text: string): Piece {
  const words = text.trim().split(/\s+/);
  const kind = LABEL_KIND.get(words[0].toLowerCase().replace(/[.:]+$/, ''));
  if (words.length > 1 && (kind === 'name' || kind === 'company' || kind === 'ignore')) {
    return { label: kind, text: words.slice(1).join(' ') };
  }
  return { label: null, text };
}

function readPiece(piece: Piece, index: number, nextOrder: () => number): PieceReading {
  const empty: PieceReading = { names: [], companies: [], plain: null };
  if (piece.label === 'phone' || piece.label === 'email' || piece.label === 'ignore') return empty;

  if (piece.label === 'name') {
    const labeled = labeledName(piece.text);
    if (!labeled) return readWords(tokenize(piece.text), index, nextOrder);
    const name: NameCandidate = { value: labeled.name, score: 10, order: nextOrder(), piece: index };
    const rest = readWords(tokenize(labeled.rest), index, nextOrder);
    return { names: [name, ...rest.names], companies: rest.companies, plain: null };
  }

  if (piece.label === 'company') {
    const reading = readWords(tokenize(piece.text), index, nextOrder);
    if (reading.companies.length > 0) {
      return { ...reading, companies: reading.companies.map((c) => ({ ...c, labeled: true })) };
    }
    const value = cleanCompanyText(stripEnglishTitles(piece.text));
    if (!value) return empty;
    return { names: [], companies: [{ value, order: nextOrder(), piece: index, labeled: true, leadWords: [], tail: value }], plain: null };
  }

  return readWords(tokenize(piece.text), index, nextOrder);
}

function tokenize(text: string): Token[] {
  return text
    .replace(/:/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((raw) => ({
      raw,
      core: /^[&+]$/.test(raw)
        ? raw
        : raw
            .replace(/^[^\p{L}\p{N}(&+\uE000]+/u, '')
            .replace(/[^\p{L}\p{N}.)\uE000\uE001]+$/u, '')
            .replace(/^\((?![주유사재합株有]\))/u, ''),
      used: false,
    }))
    .filter((t) => t.core !== '');
}

function readWords(tokens: Token[], index: number, nextOrder: () => number): PieceReading {
  const companies: CompanyCandidate[] = [];
  const names: NameCandidate[] = [];

  findKoreanCompanies(tokens).forEach((value) =>
    companies.push({ value, order: nextOrder(), piece: index, labeled: false, leadWords: [], tail: value }),
  );
  findEnglishCompanies(tokens).forEach((c) => companies.push({ ...c, order: nextOrder(), piece: index, labeled: false }));

  markAddress(tokens);
  // A name typed as its own piece ("/ Peter Parker /") beats one inside longer text ("New York Office").
  const content = tokens.filter((t) => !t.used && !EN_HONORIFICS.has(t.core.toLowerCase().replace(/\.$/, '')) && !isTitleWord(t.core));
  const bonus = (words: number) => (words === content.length ? 0.5 : 0);

  let run: string[] = [];
  const endRun = () => {
    // Initials alone ("T.", "M." left over from phone labels) are not a name.
    const hasWord = run.some((w) => w.replace(/\./g, '').length >= 2);
    if (hasWord && run.length <= 3) {
      names.push({ value: run.join(' '), score: (run.length >= 2 ? 3 : 1) + bonus(run.length), order: nextOrder(), piece: index });
    }
    run = [];
  };
  for (const t of tokens) {
    if (t.used) {
      endRun();
      continue;
    }
    const lower = t.core.toLowerCase().replace(/\.$/, '');
    if (EN_HONORIFICS.has(lower)) continue;
    if (isEnglishNameWord(t.core)) {
      run.push(t.core.length > 2 ? t.core.replace(/\.$/, '') : t.core);
      continue;
    }
    endRun();
    const korean = koreanName(t.core);
    if (korean) names.push({ value: korean.value, score: korean.score + bonus(1), order: nextOrder(), piece: index });
  }
  endRun();

  return { names, companies, plain: plainPiece(tokens) };
}

const KO_ADDRESS_PART = /^[\uAC00-\uD7A3]{1,8}(?:특별시|광역시|특별자치시|특별자치도|시|도|구|군|읍|면|로|대로|길|번길)$/;

/** "서울시 강남구 테헤란로 123": address parts come in runs, or before a street number; "이민구" alone is a name. */
function markAddress(tokens: Token[]): void {
  const part = (t: Token | undefined) => !!t && KO_ADDRESS_PART.test(t.core);
  tokens.forEach((t, i) => {
    if (part(t) && (part(tokens[i - 1]) || part(tokens[i + 1]) || /^\d/.test(tokens[i + 1]?.core ?? ''))) t.used = true;
  });
}

function plainPiece(tokens: Token[]): string | null {
  if (tokens.length === 0 || tokens.length > 4 || tokens.some((t) => t.used)) return null;
  if (tokens.every((t) => t.core.replace(/\./g, '').length < 2)) return null;
  for (const t of tokens) {
    const lower = t.core.toLowerCase().replace(/\.$/, '');
    if (!/^[\p{L}][\p{L}&.'-]*$/u.test(t.core)) return null;
    if (!/^[A-Z\uAC00-\uD7A3]/.test(t.core) && !EN_CONNECTORS.has(lower)) return null;
    if (EN_STOPWORDS.has(lower) || EN_TITLES.has(lower) || EN_HONORIFICS.has(lower) || LABEL_WORDS.has(lower)) return null;
    const stripped = stripKoreanSuffixes(t.core);
    if (isKoreanStopword(t.core) || isKoreanStopword(stripped) || stripped === '' || KO_SENTENCE_ENDING.test(t.core)) return null;
  }
  return tokens.map((t) => t.core).join(' ');
}

// Korean companies: "㈜한빛", "한빛상사", "주식회사 한빛", "한빛 (주)", "한빛무역 (주)", "한빛 무역".
function findKoreanCompanies(tokens: Token[]): string[] {
  const found: { value: string; last: number }[] = [];
  tokens.forEach((t, i) => {
    if (t.used) return;
    const body = stripCompanyParticle(t.core);
    const previous = found[found.length - 1];
    const standaloneMarker = KO_COMPANY_MARKERS.includes(body) || body === JU_MARK;
    if (standaloneMarker && previous?.last === i - 1) {
      t.used = true;
      previous.value = `${previous.value} ${body}`;
      previous.last = i;
      return;
    }
    if (isKoreanCompanyWord(body)) {
      t.used = true;
      found.push({ value: body, last: i });
      return;
    }
    const standaloneSuffix = KO_COMPANY_SUFFIXES.includes(body);
    if (!standaloneMarker && !standaloneSuffix) return;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const usablePrev = prev && !prev.used && isCompanyNameWord(prev.core);
    const usableNext = next && !next.used && isCompanyNameWord(next.core);
    if (standaloneSuffix) {
      if (!usablePrev) return;
      prev.used = t.used = true;
      found.push({ value: `${prev.core} ${body}`, last: i });
      return;
    }
    const nextIsPerson = usableNext && (koreanName(next.core)?.score ?? 0) >= 3;
    if (usablePrev && (!usableNext || nextIsPerson)) {
      prev.used = t.used = true;
      found.push({ value: `${prev.core} ${body}`, last: i });
    } else if (usableNext) {
      next.used = t.used = true;
      found.push({ value: `${body} ${stripCompanyParticle(next.core)}`, last: i + 1 });
    }
  });
  return found.map((f) => f.value);
}

function isKoreanCompanyWord(word: string): boolean {
  if (!/[\uAC00-\uD7A3]/.test(word) && !word.includes(JU_MARK)) return false;
  const hasContent = (rest: string) => /[\p{L}\p{N}]/u.test(rest.replace(JU_MARK, ''));
  for (const marker of [...KO_COMPANY_MARKERS, JU_MARK]) {
    if (word.startsWith(marker) && hasContent(word.slice(marker.length))) return true;
    if (word.endsWith(marker) && hasContent(word.slice(0, -marker.length))) return true;
  }
  return KO_COMPANY_SUFFIXES.some((s) => word.endsWith(s) && word.length > s.length && hasContent(word.slice(0, -s.length)));
}

function stripCompanyParticle(word: string): string {
  for (const p of ['입니다', '이에요', '예요', '이고', '이며', '에서', '의', '에', '은', '는', '이', '가']) {
    if (word.endsWith(p) && isKoreanCompanyWord(word.slice(0, -p.length))) return word.slice(0, -p.length);
  }
  return word;
}

function isCompanyNameWord(core: string): boolean {
  const lower = core.toLowerCase();
  return (
    /^[\p{L}\p{N}][\p{L}\p{N}&.'-]*$/u.test(core) &&
    !isKoreanStopword(core) &&
    !EN_STOPWORDS.has(lower) &&
    !LABEL_WORDS.has(lower) &&
    !isTitleWord(core)
  );
}

// English companies: a marker word ("Inc.", "Trading") with the capitalised words before it.
function findEnglishCompanies(tokens: Token[]): Omit<CompanyCandidate, 'order' | 'piece' | 'labeled'>[] {
  const found: Omit<CompanyCandidate, 'order' | 'piece' | 'labeled'>[] = [];
  const markerAt = (i: number) => {
    const t = tokens[i];
    if (!t || t.used) return false;
    const norm = t.core.toLowerCase().replace(/[.,\uE001]/g, '');
    return EN_COMPANY_MARKERS.has(norm) && (/^[A-Z]/.test(t.core) || EN_LEGAL_FORMS.has(norm));
  };
  const companyish = (i: number) => {
    const t = tokens[i];
    if (!t || t.used) return false;
    const lower = t.core.toLowerCase().replace(/\.$/, '');
    if (EN_CONNECTORS.has(lower)) return true;
    return (
      /^[A-Z0-9][\p{L}\p{N}&.'-]*$/u.test(t.core) &&
      !EN_STOPWORDS.has(lower) &&
      !EN_TITLES.has(lower) &&
      !EN_HONORIFICS.has(lower) &&
      !LABEL_WORDS.has(lower)
    );
  };

  for (let k = 0; k < tokens.length; k++) {
    if (!markerAt(k)) continue;
    let start = k;
    while (start > 0 && companyish(start - 1)) start--;
    while (start < k && EN_CONNECTORS.has(tokens[start].core.toLowerCase())) start++;
    let end = k;
    while (markerAt(end + 1) || (EN_CONNECTORS.has(tokens[end + 1]?.core.toLowerCase() ?? '') && markerAt(end + 2))) end++;
    const span = tokens.slice(start, end + 1);
    const substantive = span.filter((t) => !EN_LEGAL_FORMS.has(t.core.toLowerCase().replace(/[.,\uE001]/g, '')));
    if (span.length < 2 || substantive.length === 0) continue;
    span.forEach((t) => (t.used = true));
    const firstMarker = k - start;
    const lead = span.slice(0, firstMarker).map((t) => t.raw);
    found.push({
      value: span.map((t) => t.raw).join(' '),
      leadWords: lead,
      tail: span
        .slice(firstMarker)
        .map((t) => t.raw)
        .join(' '),
    });
    k = end;
  }
  return found;
}

function isEnglishNameWord(core: string): boolean {
  if (!/^[A-Z][A-Za-z'-]*\.?$/.test(core)) return false;
  const lower = core.toLowerCase().replace(/\.$/, '');
  if (/^[A-Z]{2,}$/.test(core) && core.length <= 3 && !/^[A-Z][a-z]/.test(core)) {
    // Short all-caps words are usually acronyms (CEO, HP, KR), not names.
    if (core.length <= 2 || EN_TITLES.has(lower) || EN_STOPWORDS.has(lower)) return false;
  }
  return !EN_STOPWORDS.has(lower) && !EN_TITLES.has(lower) && !LABEL_WORDS.has(lower) && !EN_COMPANY_MARKERS.has(lower);
}

function koreanName(core: string): { value: string; score: number } | null {
  const word = core.replace(/\.+$/, '');
  if (!/^[\uAC00-\uD7A3]+$/.test(word) || isKoreanStopword(word)) return null;
  const w = stripKoreanSuffixes(word);
  if (w.length < 2 || w.length > 4 || isKoreanStopword(w) || KO_SENTENCE_ENDING.test(w) || KO_DEPARTMENT.test(w)) return null;
  if (KO_COMPOUND_SURNAMES.has(w.slice(0, 2)) && w.length >= 3) return { value: w, score: 3 };
  if (!KO_SURNAMES.has(w[0])) return null;
  return { value: w, score: w.length === 3 ? 3 : w.length === 2 ? 2 : 1 };
}

/** "영업팀", "구매부서": a department, not a person. */
const KO_DEPARTMENT = /(팀|부서|본부|지점|센터)$/;
const KO_PARTICLES = [
  '으로',
  '에게',
  '에서',
  '이랑',
  '하고',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '도',
  '의',
  '와',
  '과',
  '로',
  '께',
  '에',
  '랑',
];

/** "연락처는", "메일은": a stopword or a label with a particle attached is still not a name. */
function isKoreanStopword(word: string): boolean {
  if (KO_STOPWORDS.has(word) || LABEL_WORDS.has(word)) return true;
  return KO_PARTICLES.some(
    (p) => word.endsWith(p) && (KO_STOPWORDS.has(word.slice(0, -p.length)) || LABEL_WORDS.has(word.slice(0, -p.length))),
  );
}

function stripKoreanSuffixes(word: string): string {
  let w = word;
  for (const s of KO_COPULA_SUFFIXES) {
    if (w.endsWith(s) && w.length > s.length) {
      w = w.slice(0, -s.length);
      break;
    }
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const s of [...KO_HONORIFIC_SUFFIXES, ...KO_TITLE_SUFFIXES]) {
      if (w.endsWith(s)) {
        w = w.slice(0, -s.length);
        changed = true;
        break;
      }
    }
  }
  return w;
}

function isTitleWord(core: string): boolean {
  const lower = core.toLowerCase().replace(/\.$/, '');
  if (EN_TITLES.has(lower)) return true;
  return /^[\uAC00-\uD7A3]+$/.test(core) && stripKoreanSuffixes(core) === '';
}

/**
 * A value after "이름:"/"Name:" is trusted more than a guess, but its first words still have to look like a person.
 * Whatever follows the name ("홍길동 한빛상사") is read like any other text.
 */
function labeledName(text: string): { name: string; rest: string } | null {
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter(Boolean);
  while (words.length > 0 && (EN_HONORIFICS.has(words[0].toLowerCase().replace(/\.$/, '')) || isTitleWord(words[0]))) words.shift();
  if (words.length === 0) return null;

  if (/^[\uAC00-\uD7A3]+$/.test(words[0])) {
    // "홍 길동": a family name typed apart from the given name.
    const apart = words[0].length === 1 && /^[\uAC00-\uD7A3]{1,3}$/.test(words[1] ?? '');
    const w = apart ? `${words[0]}${stripKoreanSuffixes(words[1])}` : stripKoreanSuffixes(words[0]);
    if (
      w.length < 2 ||
      w.length > 5 ||
      isKoreanStopword(w) ||
      KO_SENTENCE_ENDING.test(w) ||
      isKoreanCompanyWord(stripCompanyParticle(words[0]))
    )
      return null;
    return { name: apart ? `${words[0]} ${w.slice(1)}` : w, rest: words.slice(apart ? 2 : 1).join(' ') };
  }

  const run: string[] = [];
  for (const w of words) {
    const lower = w.toLowerCase().replace(/\.$/, '');
    if (run.length === 4 || !/^[\p{L}][\p{L}'.-]*$/u.test(w) || /[\uAC00-\uD7A3]/.test(w)) break;
    if (EN_STOPWORDS.has(lower) || EN_TITLES.has(lower) || EN_COMPANY_MARKERS.has(lower) || LABEL_WORDS.has(lower)) break;
    run.push(w.length > 2 ? w.replace(/\.$/, '') : w);
  }
  if (run.length === 0) return null;
  const name = run.join(' ');
  return name.length <= MAX_NAME_LENGTH ? { name, rest: words.slice(run.length).join(' ') } : null;
}

function stripEnglishTitles(text: string): string {
  return text
    .split(/\s+/)
    .filter((w) => !EN_HONORIFICS.has(w.toLowerCase().replace(/\.$/, '')))
    .join(' ');
}

function cleanCompanyText(text: string): string {
  return text
    .replace(/[^\p{L}\p{N}\p{M} &.,'()+\-\uE000\uE001]/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.\-']+|[\s,\-']+$/g, '')
    .trim();
}

function finalName(value: string): string | null {
  const v = value.replace(/\s+/g, ' ').trim();
  return v && v.length <= MAX_NAME_LENGTH ? v : null;
}

function finalCompany(value: string): string | null {
  let v = cleanCompanyText(value)
    .replace(/\uE000/g, '㈜')
    .replace(/\uE001/g, ',');
  // Keep the dot of "Co." / "Inc.", drop a sentence full stop.
  if (v.endsWith('.') && !EN_COMPANY_MARKERS.has((v.split(' ').pop() ?? '').replace(/[.,]/g, '').toLowerCase())) v = v.slice(0, -1);
  if (!v || !/[\p{L}\p{N}]/u.test(v)) return null;
  return truncate(v, MAX_COMPANY_LENGTH);
}

// ---------------------------------------------------------------------------------------------
// Messages for the widget

/** The one-line confirmation shown back to the visitor. */
export function describeCapture(c: ContactCapture, locale: CaptureLocale): string {
  const parts = [c.name, c.company, c.phoneDisplay ?? c.phone, c.email].filter((p): p is string => !!p);
  if (parts.length === 0) return locale === 'ko' ? '아직 확인된 연락처가 없어요.' : "I couldn't find any contact details yet.";
  return `${locale === 'ko' ? '확인했어요' : 'Got it'}: ${parts.join(' · ')}`;
}

/** Asks only for what is missing, or what was typed but is not valid; null when nothing is. */
export function followUpQuestion(c: ContactCapture, locale: CaptureLocale): string | null {
  const needName = c.missing.includes('name');
  const badPhone = c.phone ? undefined : c.invalid.find((i) => i.field === 'phone');
  const badEmail = c.email ? undefined : c.invalid.find((i) => i.field === 'email');
  const needContact = c.missing.includes('contact') && !badPhone && !badEmail;
  const hasChecks = !!badPhone || !!badEmail;
  if (!needName && !needContact && !hasChecks) return null;

  const show = (v: string) => truncate(v, 40);
  const suggestion = badEmail?.suggestion;

  if (locale === 'ko') {
    const checks = [badPhone && `전화번호(${show(badPhone.value)})`, badEmail && `이메일 주소(${show(badEmail.value)})`]
      .filter(Boolean)
      .join('와 ');
    const hint = suggestion ? ` 혹시 ${suggestion} 인가요?` : '';
    if (needName && needContact) return '성함과 연락받으실 전화번호나 이메일 주소를 알려주시겠어요?';
    if (needName && hasChecks) return `성함을 알려주시고, ${checks}도 다시 확인해 주시겠어요?${hint}`;
    if (needName) return '성함을 알려주시겠어요?';
    if (needContact) return '연락받으실 전화번호나 이메일 주소를 알려주시겠어요?';
    return `${checks}를 다시 확인해 주시겠어요?${hint}`;
  }

  const checks = [badPhone && `the phone number (${show(badPhone.value)})`, badEmail && `the email address (${show(badEmail.value)})`]
    .filter(Boolean)
    .join(' and ');
  const hint = suggestion ? ` Did you mean ${suggestion}?` : '';
  if (needName && needContact) return 'Could you tell us your name and a phone number or email address where we can reach you?';
  if (needName && hasChecks) return `Could you tell us your name and double-check ${checks}?${hint}`;
  if (needName) return 'Could you tell us your name?';
  if (needContact) return 'Could you share a phone number or email address where we can reach you?';
  return `Could you double-check ${checks}?${hint}`;
}

// ---------------------------------------------------------------------------------------------

function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function uniqueBy<T>(values: T[], key: (v: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = key(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
