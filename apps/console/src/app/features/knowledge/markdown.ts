/**
 * A small Markdown subset for the article preview: headings, paragraphs, lists, quotes, fenced
 * code, rules, and inline strong / emphasis / code / links. No Markdown library is installed, and
 * this one never produces HTML: it yields a tree the template renders as text nodes and elements,
 * so an article's `<script>` or `onerror=` is shown as the characters it is. Links keep only
 * http(s) and mailto targets; anything else (javascript:, data:) stays plain text.
 */
export type MdInline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: MdInline[] }
  | { kind: 'em'; children: MdInline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: MdInline[] }
  | { kind: 'br' };

export type MdBlock =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; content: MdInline[] }
  | { kind: 'paragraph'; content: MdInline[] }
  | { kind: 'list'; ordered: boolean; items: MdInline[][] }
  | { kind: 'quote'; content: MdInline[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const ORDERED = /^\s*\d{1,9}[.)]\s+(.*)$/;
const FENCE = /^\s*(```|~~~)/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
const QUOTE = /^\s*>\s?(.*)$/;

export function parseMarkdown(source: string): MdBlock[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MdBlock[] = [];
  let i = 0;
  const startsBlock = (line: string) =>
    HEADING.test(line) ||
    BULLET.test(line) ||
    ORDERED.test(line) ||
    FENCE.test(line) ||
    RULE.test(line) ||
    QUOTE.test(line);

  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trim().startsWith(fence[1]))
        code.push(lines[i++]);
      i++; // the closing fence (or the end)
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({
        kind: 'heading',
        level: heading[1].length as 1 | 2 | 3 | 4 | 5 | 6,
        content: parseInline(heading[2]),
      });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ kind: 'rule' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]))
        quoted.push(QUOTE.exec(lines[i++])?.[1] ?? '');
      blocks.push({ kind: 'quote', content: parseInline(quoted.join('\n')) });
      continue;
    }
    const ordered = ORDERED.test(line);
    if (ordered || BULLET.test(line)) {
      const pattern = ordered ? ORDERED : BULLET;
      const items: MdInline[][] = [];
      while (i < lines.length && pattern.test(lines[i])) {
        let text = pattern.exec(lines[i++])?.[1] ?? '';
        // Indented continuation lines belong to the item.
        while (
          i < lines.length &&
          /^\s{2,}\S/.test(lines[i]) &&
          !BULLET.test(lines[i]) &&
          !ORDERED.test(lines[i])
        )
          text += '\n' + lines[i++].trim();
        items.push(parseInline(text));
      }
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i].trim() && !startsBlock(lines[i]))
      paragraph.push(lines[i++]);
    if (!paragraph.length) paragraph.push(lines[i++]);
    blocks.push({
      kind: 'paragraph',
      content: parseInline(paragraph.join('\n')),
    });
  }
  return blocks;
}

/** Inline markup; single line breaks are kept (agents write articles as they would a message). */
export function parseInline(text: string): MdInline[] {
  const out: MdInline[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push({ kind: 'text', text: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i];
    if (
      ch === '\\' &&
      i + 1 < text.length &&
      /[\\`*_[\]()#>!-]/.test(text[i + 1])
    ) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === '\n') {
      flush();
      out.push({ kind: 'br' });
      i++;
      continue;
    }
    if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ kind: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    const strong = /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(rest);
    if (strong) {
      flush();
      out.push({ kind: 'strong', children: parseInline(strong[2]) });
      i += strong[0].length;
      continue;
    }
    const em = /^(\*|_)(?=\S)([\s\S]*?\S)\1(?![*_])/.exec(rest);
    if (em && !(ch === '_' && /\w/.test(text[i - 1] ?? ''))) {
      flush();
      out.push({ kind: 'em', children: parseInline(em[2]) });
      i += em[0].length;
      continue;
    }
    const link = /^\[([^\]\n]+)\]\(([^)\s]+)\)/.exec(rest);
    if (link) {
      const href = safeHref(link[2]);
      if (href) {
        flush();
        out.push({ kind: 'link', href, children: parseInline(link[1]) });
        i += link[0].length;
        continue;
      }
    }
    plain += ch;
    i++;
  }
  flush();
  return out;
}

/** Only web and mail links; relative, javascript:, data: and the rest are not links. */
export function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol)
      ? url.href
      : null;
  } catch {
    return null;
  }
}
