/**
 * Word-level tokens. Korean is agglutinative, so "배송비는", "배송비가", "배송비를" should be one word
 * feature: we strip the common particles (조사) and a few polite endings from the right. This is a
 * deliberately light stemmer; character n-grams cover what it misses.
 */
import { isHangulSyllable } from './hangul';
import { PLACEHOLDER_WORDS, isPlaceholder } from './normalize';

// Longest first so "에서는" wins over "는".
const KO_SUFFIXES = [
  '에서부터', '으로부터', '이라서', '이라도', '에서는', '에서도', '으로는', '으로도', '한테서', '까지는', '부터는',
  '이랑', '에서', '에게', '한테', '께서', '까지', '부터', '으로', '처럼', '보다', '마다', '이나', '라도', '하고',
  '은요', '는요', '이요', '가요', '을요', '를요', '에요', '예요', '이에요',
  '은', '는', '이', '가', '을', '를', '에', '의', '도', '만', '로', '와', '과', '랑', '요', '께',
].sort((a, b) => b.length - a.length);

// Function words that add noise to word features (content lives in the n-grams anyway).
const EN_STOPWORDS = new Set(
  'a an the and or but if of to in on at for from by with as is are was were be been being am do does did i me my we our you your it its this that these those there here have has had can could would should will shall may might just so than then too very also please hi hello'.split(
    ' ',
  ),
);

export function stripKoreanSuffix(word: string): string {
  if (word.length < 2 || !isHangulSyllable(word[word.length - 1])) return word;
  for (const suffix of KO_SUFFIXES) {
    if (word.length - suffix.length >= 1 && word.endsWith(suffix)) {
      // Single-syllable stems like "비" after stripping "가" are too ambiguous; keep longer stems only.
      const stem = word.slice(0, -suffix.length);
      return stem.length >= 1 && (stem.length >= 2 || suffix.length === 1) ? stem : word;
    }
  }
  return word;
}

/** Very light English stemmer: enough to merge plurals and -ed/-ing forms for feature sharing. */
export function stemEnglish(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y';
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('es') && /(?:ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
}

export interface Token {
  /** Surface form after normalisation. */
  text: string;
  /** Stem used for word features and retrieval. */
  stem: string;
  script: 'hangul' | 'latin' | 'number' | 'placeholder' | 'other';
}

const TOKEN_RE = /[\uE000-\uE00D]|[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

export function tokenize(normalized: string): Token[] {
  const tokens: Token[] = [];
  for (const match of normalized.matchAll(TOKEN_RE)) {
    const text = match[0].replace(/['’-]+$/, '');
    if (isPlaceholder(text)) {
      tokens.push({ text, stem: PLACEHOLDER_WORDS[text], script: 'placeholder' });
    } else if (/^\d/.test(text)) {
      tokens.push({ text, stem: text, script: 'number' });
    } else if ([...text].some(isHangulSyllable)) {
      tokens.push({ text, stem: stripKoreanSuffix(text), script: 'hangul' });
    } else if (/^[a-z]/.test(text)) {
      tokens.push({ text, stem: stemEnglish(text.replace(/['’]s$/, '')), script: 'latin' });
    } else {
      tokens.push({ text, stem: text, script: 'other' });
    }
  }
  return tokens;
}

export function isStopword(token: Token): boolean {
  return token.script === 'latin' && EN_STOPWORDS.has(token.text);
}
