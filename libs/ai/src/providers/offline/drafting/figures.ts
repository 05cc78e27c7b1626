/**
 * Renders the figures of a Korean sentence in English ("3~5영업일" → "3-5 business days"), for English
 * replies built on Korean-only articles. Only numbers with a known unit are rendered; nothing is
 * paraphrased, so the quoted source stays the authority.
 */
const UNITS: Array<[RegExp, (n: string) => string]> = [
  [/^영업일$/, (n) => `${n} business day${plural(n)}`],
  [/^시간$/, (n) => `${n} hour${plural(n)}`],
  [/^분$/, (n) => `${n} minute${plural(n)}`],
  [/^일$/, (n) => `${n} day${plural(n)}`],
  [/^주$/, (n) => `${n} week${plural(n)}`],
  [/^개월$/, (n) => `${n} month${plural(n)}`],
  [/^년$/, (n) => `${n} year${plural(n)}`],
  [/^원$/, (n) => `${n} KRW`],
  [/^만원$/, (n) => `${toThousands(Number(n.replace(/,/g, '')) * 10000)} KRW`],
  [/^kg$/i, (n) => `${n} kg`],
  [/^병$/, (n) => `${n} bottle${plural(n)}`],
  [/^건$/, (n) => `${n} parcel${plural(n)}`],
  [/^박스$/, (n) => `${n} box${Number(n) === 1 ? '' : 'es'}`],
  [/^%$/, (n) => `${n}%`],
];

const FIGURE_RE = /(\d[\d,.]*(?:\s?[~\-–]\s?\d[\d,.]*)?)\s?(영업일|시간|분|일|주|개월|년|만원|원|kg|병|건|박스|%)/g;

export function englishFigures(sentence: string): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(FIGURE_RE)) {
    const number = m[1].replace(/\s?[~–]\s?/g, '-');
    const unit = UNITS.find(([re]) => re.test(m[2]));
    if (unit) out.push(unit[1](number));
  }
  return [...new Set(out)];
}

function plural(n: string): string {
  return n === '1' ? '' : 's';
}

function toThousands(n: number): string {
  return n.toLocaleString('en-US');
}
