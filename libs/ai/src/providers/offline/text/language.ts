/**
 * Language of a message: `ko`, `en` or `mixed`.
 *
 * `mixed` means both languages carry content (code-switching such as "order cancel 하고 싶어요"), not a
 * brand name or URL inside a Korean sentence. So Latin words only count as English when they look like
 * ordinary English words: lowercase words, or words found in a small list of common/help-desk English.
 * Capitalised or all-caps tokens in a Korean sentence are usually brands, stores and acronyms (UPS, KC).
 */
import type { Language } from '../../../ports';
import { countHangul } from './hangul';

export type { Language };


const COMMON_ENGLISH = new Set(
  `a an the and or but if of to in on at for from by with as is are was were be been am do does did not no yes
  i me my we our you your it its this that these those there here have has had can could would should will may
  just so than then too very also please hi hello thanks thank sorry ok okay what when where why how which who
  order orders cancel cancellation refund refunds return returns exchange ship shipping shipment shipped delivery
  deliver delivered package packages parcel box boxes payment pay paid charge charged card invoice receipt tax
  quote quotation price prices fee fees cost rate rates discount coupon account login password email address
  suite number tracking track customs duty warehouse storage consolidate consolidation repack inspection photo
  photos item items product products size color colour option stock available availability buy purchase
  request check confirm status update change help support please urgent asap today tomorrow week month
  business company bulk sample samples contract deposit balance withdraw method bank transfer account apply
  documents document form link send sent arrive arrived arrival missing damaged broken wrong lost late delay
  delayed still yet again issue problem question want need like know let get got give make take possible
  free weight heavy air sea fast express standard international domestic korea japan us usa china europe`.split(/\s+/),
);

export interface LanguageEvidence {
  hangul: number;
  englishWords: number;
}

export function languageEvidence(text: string): LanguageEvidence {
  const withoutIds = text
    .normalize('NFKC')
    .replace(/\bhttps?:\/\/\S+|\bwww\.\S+|\S+@\S+|\b[\w-]+\.(?:com|net|co\.kr|kr|jp)\S*/gi, ' ')
    .replace(/\b[A-Z]{2,4}-?\d{6,8}-\d{3,6}\b/g, ' ');
  const hangul = countHangul(withoutIds);
  let englishWords = 0;
  for (const m of withoutIds.matchAll(/[A-Za-z][A-Za-z']*/g)) {
    const word = m[0];
    const lower = word.toLowerCase();
    if (COMMON_ENGLISH.has(lower)) englishWords += 1;
    else if (word.length >= 3 && word === lower) englishWords += 0.7;
    else if (hangul === 0 && word.length >= 2) englishWords += 0.5; // in an all-Latin text, capitals are still English
  }
  return { hangul, englishWords };
}

export function detectLanguage(text: string): Language {
  const { hangul, englishWords } = languageEvidence(text);
  if (hangul === 0) return englishWords > 0 ? 'en' : 'ko'; // emoji-only and empty default to the site language
  if (englishWords < 1.4) return 'ko';
  // A Korean sign-off ("감사합니다") on an English message still means both languages carry content.
  return 'mixed';
}
