/**
 * Reads a streamed draft reply: the NEEDS_HUMAN line (see the draft prompt), citations [n] of the numbered
 * sources, and decides whether a person must answer. Citations are renumbered so that [1] is `sources[0]`
 * of the returned draft, which lists the cited passages only.
 */
import { detectPromptInjection } from '../../guards/prompt-injection';
import type { Draft, DraftReason, RetrievedPassage } from '../../ports';
import { NEEDS_HUMAN_MARKER, NEEDS_HUMAN_VALUES, type NeedsHumanValue } from '../../prompts';
import { AiProviderError } from './openai-errors';

// Tolerates markdown around the line ("**NEEDS_HUMAN: no**") and a full-width colon.
const MARKER_LINE = new RegExp(`^[ \\t>*_\`-]*${NEEDS_HUMAN_MARKER}[ \\t*_]*[:：][ \\t*_]*([A-Za-z_]*)[^\\n]*(?:\\n|$)`, 'gim');
const CITATION = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;

export interface ParsedDraftReply {
  body: string;
  /** 0-based indexes into the prompt's sources, ascending, each cited at least once. */
  cited: number[];
  /** Citation numbers that name no source, e.g. [7] with three sources. */
  invalidCitations: number[];
  /** What the marker line said; undefined when the model left it out. */
  needsHuman?: NeedsHumanValue | 'unknown';
}

export function parseDraftReply(raw: string, sourceCount: number): ParsedDraftReply {
  let needsHuman: ParsedDraftReply['needsHuman'];
  const withoutMarker = raw.replace(MARKER_LINE, (_line, value: string) => {
    const v = value.toLowerCase();
    needsHuman = (NEEDS_HUMAN_VALUES as readonly string[]).includes(v) ? (v as NeedsHumanValue) : v === 'yes' ? 'not_in_sources' : 'unknown';
    return '';
  });

  const mentioned = new Set<number>();
  const invalid = new Set<number>();
  for (const match of withoutMarker.matchAll(CITATION)) {
    for (const n of match[1].split(',').map((s) => Number(s.trim()))) {
      if (n >= 1 && n <= sourceCount) mentioned.add(n - 1);
      else invalid.add(n);
    }
  }
  const cited = [...mentioned].sort((a, b) => a - b);
  const renumber = new Map(cited.map((index, i) => [index + 1, i + 1]));
  const body = withoutMarker
    .replace(CITATION, (_match, group: string) => {
      const kept = group
        .split(',')
        .map((s) => renumber.get(Number(s.trim())))
        .filter((n): n is number => n !== undefined);
      return kept.length ? `[${kept.join(', ')}]` : '';
    })
    .replace(/[ \t]+$/gm, '')
    .trim();
  return { body, cited, invalidCitations: [...invalid].sort((a, b) => a - b), needsHuman };
}

/**
 * The text to show while streaming: without a marker line that is being written at the end. A last line
 * that could still become the marker is held back until the next chunk shows what it is.
 */
export function visibleDraftText(textSoFar: string): string {
  const withoutMarker = textSoFar.replace(MARKER_LINE, '');
  const lastBreak = withoutMarker.lastIndexOf('\n');
  const lastLine = withoutMarker.slice(lastBreak + 1).replace(/^[ \t>*_`-]+/, '');
  const couldBeMarker = lastLine.length > 0 && (NEEDS_HUMAN_MARKER.startsWith(lastLine) || lastLine.startsWith(NEEDS_HUMAN_MARKER));
  return (couldBeMarker ? withoutMarker.slice(0, lastBreak + 1) : withoutMarker).trimEnd();
}

export interface DraftDecisionInput {
  raw: string;
  question: string;
  sources: readonly RetrievedPassage[];
  answerability?: number;
}

export function draftFromReply({ raw, question, sources, answerability }: DraftDecisionInput): Draft {
  const parsed = parseDraftReply(raw, sources.length);
  if (!parsed.body) throw new AiProviderError('invalid_output', 'invalid output: empty draft');
  const cited = parsed.cited.map((i) => sources[i]);
  const injection = detectPromptInjection(question);

  let reason: DraftReason = 'answered_from_sources';
  let detail: string | undefined;
  if (injection.suspected) {
    reason = 'prompt_injection_suspected';
    detail = injection.signals.join(',');
  } else if (sources.length === 0) {
    reason = 'no_sources';
  } else if (parsed.needsHuman === 'staff_decision') {
    reason = 'sensitive_request';
    detail = 'model: staff decision';
  } else if (parsed.needsHuman !== 'no') {
    reason = 'weak_retrieval';
    detail = parsed.needsHuman === undefined ? `model gave no ${NEEDS_HUMAN_MARKER} line` : 'model: not in sources';
  } else if (cited.length === 0) {
    reason = 'weak_retrieval';
    detail = 'no valid citation';
  } else if (parsed.invalidCitations.length) {
    reason = 'weak_retrieval';
    detail = `cites ${parsed.invalidCitations.map((n) => `[${n}]`).join(' ')}, which is not a source`;
  }
  const needsHuman = reason !== 'answered_from_sources';

  // Retrieval's answerability when known, else the best cited passage's relevance; halved on a hand-off.
  const base = cited.length ? clamp01(answerability ?? Math.max(...cited.map((s) => s.relevance))) : 0;
  return {
    body: parsed.body,
    sources: cited.map((s) => ({ id: s.sourceId, title: s.title, score: s.score })),
    confidence: round(needsHuman ? base / 2 : base),
    needsHuman,
    reason,
    ...(detail ? { detail } : {}),
  };
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
