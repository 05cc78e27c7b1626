/** Plain-text tables for the eval reports (monospace, right-aligned numbers). */
export function renderTable(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => displayWidth(String(r[i] ?? '')))));
  const line = (r: Array<string | number>) =>
    r
      .map((c, i) => {
        const s = String(c ?? '');
        const pad = ' '.repeat(widths[i] - displayWidth(s));
        return i === 0 ? s + pad : pad + s;
      })
      .join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(3);
}

/** Hangul and other wide characters take two columns in a terminal. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFF00-\uFF60]/.test(ch) ? 2 : 1;
  return w;
}
