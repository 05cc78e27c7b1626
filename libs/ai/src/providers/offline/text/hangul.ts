/**
 * Hangul helpers. Syllables are decomposed arithmetically (Unicode 3.12), so no table or package is needed.
 * Jamo-level forms let us match typos that change one consonant or vowel ("환뷸" ~ "환불"), which syllable
 * n-grams alone treat as completely different characters.
 */
const SYLLABLE_BASE = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
const LEADS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const VOWELS = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
const TAILS = ['', 'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ', 'ㅁ', 'ㅂ', 'ㅄ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];

export function isHangulSyllable(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code >= SYLLABLE_BASE && code <= SYLLABLE_LAST;
}

/** Compatibility jamo (ㄱ..ㅣ) as typed alone, e.g. ㅋㅋ, ㅠㅠ, ㅇㅋ. */
export function isHangulJamo(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code >= 0x3131 && code <= 0x318e;
}

export function isHangul(ch: string): boolean {
  return isHangulSyllable(ch) || isHangulJamo(ch);
}

export function countHangul(text: string): number {
  let n = 0;
  for (const ch of text) if (isHangulSyllable(ch)) n++;
  return n;
}

/** "배송" -> "ㅂㅐㅅㅗㅇ". Non-Hangul characters pass through unchanged. */
export function toJamo(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < SYLLABLE_BASE || code > SYLLABLE_LAST) {
      out += ch;
      continue;
    }
    const index = code - SYLLABLE_BASE;
    out += LEADS[Math.floor(index / 588)] + VOWELS[Math.floor((index % 588) / 28)] + TAILS[index % 28];
  }
  return out;
}

/** True when the syllable has a final consonant (받침); used to pick 은/는, 이/가 style endings. */
export function hasFinalConsonant(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < SYLLABLE_BASE || code > SYLLABLE_LAST) return false;
  return (code - SYLLABLE_BASE) % 28 !== 0;
}

/** Levenshtein distance over jamo strings, with an early exit once `max` is exceeded. */
export function jamoDistance(a: string, b: string, max = 2): number {
  const x = toJamo(a);
  const y = toJamo(b);
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[y.length];
}
