/** Human-readable rendering of a triage eval report. */
import { renderTable } from './table';
import type { TriageEvalReport } from './triage-eval';

export function renderTriageReport(report: TriageEvalReport, title: string, showErrors = false): string {
  const c = report.category;
  const out: string[] = [`== ${title} ==`, ''];
  out.push(
    renderTable(
      ['metric', 'value'],
      [
        ['messages', c.n],
        ['category accuracy', c.accuracy],
        ['category macro-F1', c.macroF1],
        ['sentiment accuracy', report.sentiment.accuracy],
        ['sentiment macro-F1', report.sentiment.macroF1],
        ['urgent precision', report.urgent.precision],
        ['urgent recall', report.urgent.recall],
        ['urgent F1', report.urgent.f1],
        ['urgent tp/fp/fn', `${report.urgent.tp}/${report.urgent.fp}/${report.urgent.fn}`],
        ['language accuracy', report.languageAccuracy],
        ['confidence ECE', report.calibration.ece],
        ['latency p50 ms', report.latency.p50Ms],
        ['latency p95 ms', report.latency.p95Ms],
        ['latency max ms', report.latency.maxMs],
      ],
    ),
  );
  out.push('', 'Per category');
  out.push(
    renderTable(
      ['category', 'precision', 'recall', 'F1', 'support'],
      c.labels.map((l) => [l, c.perClass[l].precision, c.perClass[l].recall, c.perClass[l].f1, c.perClass[l].support]),
    ),
  );
  out.push('', 'Confusion matrix (rows = gold, columns = predicted)');
  out.push(renderTable(['gold \\ pred', ...c.labels.map(abbreviate)], c.labels.map((g) => [g, ...c.labels.map((p) => c.confusion[g]?.[p] ?? 0)])));
  out.push('', 'Subsets');
  out.push(
    renderTable(
      ['subset', 'n', 'accuracy', 'valid output', 'injection flagged'],
      Object.entries(report.subsets).map(([name, s]) => [name, s.n, s.accuracy, s.validOutput, s.injectionFlagged]),
    ),
  );
  out.push('', 'Calibration (confidence bins)');
  out.push(
    renderTable(
      ['bin', 'n', 'mean confidence', 'accuracy'],
      report.calibration.bins.map((b) => [`${b.lower.toFixed(1)}–${b.upper.toFixed(1)}`, b.count, b.meanConfidence, b.accuracy]),
    ),
  );
  if (showErrors) {
    out.push('', 'Errors');
    for (const r of report.rows.filter((row) => row.output.category !== row.record.category)) {
      out.push(`${r.record.id}\tgold=${r.record.category}\tpred=${r.output.category} (${r.output.confidence})\t${r.record.text.slice(0, 100).replace(/\n/g, ' ')}`);
    }
  }
  return out.join('\n');
}

function abbreviate(label: string): string {
  return label.length > 8 ? label.slice(0, 8) : label;
}
