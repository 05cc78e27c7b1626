/**
 * Fact matching as the eval README defines it: lowercase, no spaces or thousands commas, ~ – - treated
 * alike, and 원 / KRW / won treated alike.
 */
export function normalizeForFacts(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/\s+/g, '')
    .replace(/[~–—-]/g, '-')
    .replace(/krw|won|원/g, '원');
}

export function factFound(fact: string, text: string): boolean {
  return normalizeForFacts(text).includes(normalizeForFacts(fact));
}

/** Share of facts found in the text (1 when there are none). */
export function factCoverage(facts: string[], text: string): number {
  if (facts.length === 0) return 1;
  return facts.filter((f) => factFound(f, text)).length / facts.length;
}
