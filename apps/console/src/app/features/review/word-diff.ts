/**
 * Word-level diff between the AI draft and the text an agent sent. No diff library is a
 * dependency of the console (the `diff` in node_modules is only ts-node's), so this is a plain
 * longest-common-subsequence over words and the whitespace between them.
 */
export type DiffOp = 'equal' | 'delete' | 'insert';

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

/** Above this many cells the DP table would cost too much memory; the changed middle is then shown as replaced. */
const MAX_CELLS = 4_000_000;

export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

export function wordDiff(before: string, after: string): DiffSegment[] {
  const a = tokenize(before);
  const b = tokenize(after);

  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix])
    prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;

  const raw: DiffSegment[] = [];
  for (const token of a.slice(0, prefix))
    raw.push({ op: 'equal', text: token });
  raw.push(
    ...middleDiff(
      a.slice(prefix, a.length - suffix),
      b.slice(prefix, b.length - suffix),
    ),
  );
  for (const token of a.slice(a.length - suffix))
    raw.push({ op: 'equal', text: token });
  return tidy(raw);
}

function middleDiff(a: string[], b: string[]): DiffSegment[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_CELLS) {
    return [
      ...a.map((text) => ({ op: 'delete' as const, text })),
      ...b.map((text) => ({ op: 'insert' as const, text })),
    ];
  }
  // lengths[i][j] = LCS length of a[i..] and b[j..], in one flat typed array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1] + 1
          : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const out: DiffSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: 'equal', text: a[i] });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      out.push({ op: 'delete', text: a[i++] });
    } else {
      out.push({ op: 'insert', text: b[j++] });
    }
  }
  while (i < n) out.push({ op: 'delete', text: a[i++] });
  while (j < m) out.push({ op: 'insert', text: b[j++] });
  return out;
}

/**
 * Makes the diff readable: within each run of changes the removed text comes before the added
 * text, and a lone space kept between two changes is folded into them, so "a b c" → "x y z"
 * reads as one replacement instead of word, space, word.
 */
function tidy(segments: DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted) out.push({ op: 'delete', text: deleted });
    if (inserted) out.push({ op: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  const pushEqual = (text: string) => {
    const last = out[out.length - 1];
    if (last?.op === 'equal') last.text += text;
    else out.push({ op: 'equal', text });
  };
  for (let k = 0; k < segments.length; k++) {
    const s = segments[k];
    if (s.op === 'delete') deleted += s.text;
    else if (s.op === 'insert') inserted += s.text;
    else {
      const inChange = deleted !== '' || inserted !== '';
      const next = segments[k + 1];
      if (inChange && /^\s+$/.test(s.text) && next && next.op !== 'equal') {
        deleted += s.text;
        inserted += s.text;
      } else {
        flush();
        pushEqual(s.text);
      }
    }
  }
  flush();
  return out;
}

/** True when the sent text differs from the draft (ignoring surrounding whitespace). */
export function wasEdited(body: string, finalBody: string | null): boolean {
  return finalBody !== null && finalBody.trim() !== body.trim();
}
