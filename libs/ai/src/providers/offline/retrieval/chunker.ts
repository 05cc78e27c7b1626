/**
 * Splits an article into passages the drafter can quote. Paragraphs are the natural unit in help-desk
 * pages (one rule or one table per paragraph); short ones are merged so a heading is not a passage alone.
 */
export interface Chunk {
  index: number;
  text: string;
}

export function chunkArticle(body: string, targetLength = 420): Chunk[] {
  const paragraphs = body
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const chunks: Chunk[] = [];
  let current = '';
  for (const paragraph of paragraphs) {
    if (current && current.length + paragraph.length > targetLength) {
      chunks.push({ index: chunks.length, text: current });
      current = '';
    }
    current = current ? `${current}\n\n${paragraph}` : paragraph;
  }
  if (current) chunks.push({ index: chunks.length, text: current });
  return chunks;
}
