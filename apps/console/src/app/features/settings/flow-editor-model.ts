import type { FlowDefinition, FlowDto, FlowStepKind, LocalizedText, UpdateFlowRequest } from '@parley/shared/contracts';
import { FLOW_LIMITS, validateFlowDefinition, type FlowRuleError } from '@parley/shared/domain';
import { normalizeIssuePath, type FieldIssue } from '../../core/http/api-error';
import type { MessageKey } from '../../core/i18n/messages';

/**
 * The flow editor's model: plain values and pure functions. Steps and buttons carry a `key` of their
 * own besides the `id` the admin types, and buttons point at a step's key, so renaming a step never
 * breaks the buttons that lead to it, and removing one leaves them visibly pointing nowhere. The
 * definition the API stores (ids everywhere) is made by `flowDefinition`; the shared rules
 * (`validateFlowDefinition` in @parley/shared/domain) check that, in the editor and in the API alike.
 */

export interface EditorButton {
  key: string;
  id: string;
  label: LocalizedText;
  /** Key of the step it leads to; null when none is chosen (or that step was removed). */
  next: string | null;
}

export interface EditorStep {
  key: string;
  id: string;
  kind: FlowStepKind;
  message: LocalizedText;
  category: string | null;
  /** Kept while the step is of another kind, so switching back restores them; only menu steps save them. */
  buttons: EditorButton[];
}

export interface FlowEditor {
  enabled: boolean;
  startKey: string | null;
  steps: EditorStep[];
  /** Last key handed out. */
  seq: number;
}

const text = (ko = '', en = ''): LocalizedText => ({ ko, en });

// ---- To and from the API ------------------------------------------------------------------------

export function editorFromFlow(flow: Pick<FlowDto, 'enabled' | 'definition'>): FlowEditor {
  let seq = 0;
  const keyOfId = new Map<string, string>();
  const steps = flow.definition.steps.map((s) => {
    const key = `s${++seq}`;
    if (!keyOfId.has(s.id)) keyOfId.set(s.id, key);
    return { s, key };
  });
  return {
    enabled: flow.enabled,
    startKey: keyOfId.get(flow.definition.startStepId) ?? null,
    steps: steps.map(({ s, key }) => ({
      key,
      id: s.id,
      kind: s.kind,
      message: { ...s.message },
      category: s.category,
      buttons: s.buttons.map((b) => ({ key: `b${++seq}`, id: b.id, label: { ...b.label }, next: keyOfId.get(b.next) ?? null })),
    })),
    seq,
  };
}

/** The definition as the API stores it. Buttons of steps other than menus are left out. */
export function flowDefinition(editor: FlowEditor): FlowDefinition {
  const idOf = new Map(editor.steps.map((s) => [s.key, s.id]));
  return {
    startStepId: (editor.startKey && idOf.get(editor.startKey)) || '',
    steps: editor.steps.map((s) => ({
      id: s.id,
      kind: s.kind,
      message: { ...s.message },
      buttons: s.kind === 'menu' ? s.buttons.map((b) => ({ id: b.id, label: { ...b.label }, next: (b.next && idOf.get(b.next)) || '' })) : [],
      category: s.category,
    })),
  };
}

export function flowRequest(editor: FlowEditor): UpdateFlowRequest {
  return { enabled: editor.enabled, definition: flowDefinition(editor) };
}

/** What a new inbox (or one the API has no flow for) starts with: one menu step to build on. */
export function blankEditor(): FlowEditor {
  return {
    enabled: false,
    startKey: 's1',
    seq: 1,
    steps: [{ key: 's1', id: 'start', kind: 'menu', message: text('무엇을 도와드릴까요?', 'How can we help?'), category: null, buttons: [] }],
  };
}

// ---- Steps --------------------------------------------------------------------------------------

function uniqueId(base: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) {
    const id = `${base}_${n}`;
    if (!taken.includes(id)) return id;
  }
}

export function canAddStep(editor: FlowEditor): boolean {
  return editor.steps.length < FLOW_LIMITS.steps;
}

/** Appends a step with a fresh id (`step_3`); the first step becomes the start. */
export function addStep(editor: FlowEditor, kind: FlowStepKind = 'menu'): FlowEditor {
  if (!canAddStep(editor)) return editor;
  const key = `s${editor.seq + 1}`;
  const step: EditorStep = { key, id: uniqueId('step', editor.steps.map((s) => s.id)), kind, message: text(), category: null, buttons: [] };
  return { ...editor, seq: editor.seq + 1, steps: [...editor.steps, step], startKey: editor.startKey ?? key };
}

/**
 * Removes a step. Buttons that led to it lead nowhere until the admin picks another step (the rules
 * then say so beside them); if it was the start, the first remaining step starts the flow.
 */
export function removeStep(editor: FlowEditor, key: string): FlowEditor {
  const steps = editor.steps
    .filter((s) => s.key !== key)
    .map((s) => (s.buttons.some((b) => b.next === key) ? { ...s, buttons: s.buttons.map((b) => (b.next === key ? { ...b, next: null } : b)) } : s));
  if (steps.length === editor.steps.length) return editor;
  return { ...editor, steps, startKey: editor.startKey === key ? (steps[0]?.key ?? null) : editor.startKey };
}

export function moveStep(editor: FlowEditor, key: string, delta: -1 | 1): FlowEditor {
  return { ...editor, steps: moveIn(editor.steps, (s) => s.key === key, delta) };
}

/** Changes a step's fields; a new `id` is a rename, and the buttons leading to the step follow it. */
export function patchStep(editor: FlowEditor, key: string, patch: Partial<Omit<EditorStep, 'key' | 'buttons'>>): FlowEditor {
  return { ...editor, steps: editor.steps.map((s) => (s.key === key ? { ...s, ...patch } : s)) };
}

export function setStart(editor: FlowEditor, key: string): FlowEditor {
  return editor.steps.some((s) => s.key === key) ? { ...editor, startKey: key } : editor;
}

// ---- Buttons ------------------------------------------------------------------------------------

export function canAddButton(step: EditorStep): boolean {
  return step.buttons.length < FLOW_LIMITS.buttonsPerStep;
}

/** Appends a button with a fresh id; it leads to `next` (a step key) if given. */
export function addButton(editor: FlowEditor, stepKey: string, next: string | null = null): FlowEditor {
  const step = editor.steps.find((s) => s.key === stepKey);
  if (!step || !canAddButton(step)) return editor;
  const button: EditorButton = { key: `b${editor.seq + 1}`, id: uniqueId('button', step.buttons.map((b) => b.id)), label: text(), next };
  return { ...editor, seq: editor.seq + 1, steps: editor.steps.map((s) => (s === step ? { ...s, buttons: [...s.buttons, button] } : s)) };
}

export function removeButton(editor: FlowEditor, stepKey: string, buttonKey: string): FlowEditor {
  return updateButtons(editor, stepKey, (buttons) => buttons.filter((b) => b.key !== buttonKey));
}

export function moveButton(editor: FlowEditor, stepKey: string, buttonKey: string, delta: -1 | 1): FlowEditor {
  return updateButtons(editor, stepKey, (buttons) => moveIn(buttons, (b) => b.key === buttonKey, delta));
}

export function patchButton(editor: FlowEditor, stepKey: string, buttonKey: string, patch: Partial<Omit<EditorButton, 'key'>>): FlowEditor {
  return updateButtons(editor, stepKey, (buttons) => buttons.map((b) => (b.key === buttonKey ? { ...b, ...patch } : b)));
}

function updateButtons(editor: FlowEditor, stepKey: string, change: (buttons: EditorButton[]) => EditorButton[]): FlowEditor {
  return { ...editor, steps: editor.steps.map((s) => (s.key === stepKey ? { ...s, buttons: change(s.buttons) } : s)) };
}

function moveIn<T>(items: readonly T[], match: (item: T) => boolean, delta: -1 | 1): T[] {
  const from = items.findIndex(match);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

// ---- Problems, from the shared rules or from the API ------------------------------------------

/** One problem in words: a message key of this console when it is one it knows, else the rule's own text. */
export interface FlowIssueText {
  key: MessageKey | null;
  raw: string;
}

export interface StepIssues {
  /** By field: `id`, `kind`, `message`, `category`, `buttons`. */
  fields: Record<string, FlowIssueText[]>;
  /** By button key, then field: `id`, `label`, `next`. */
  buttons: Record<string, Record<string, FlowIssueText[]>>;
}

export interface FlowIssues {
  count: number;
  /** The flow as a whole (`steps`, a field the console does not show). */
  general: FlowIssueText[];
  start: FlowIssueText[];
  /** By step key. */
  steps: Record<string, StepIssues>;
}

/** The shared rules' verdict on the editor's flow. `categories`: the known keys, when loaded. */
export function validateEditor(editor: FlowEditor, categories?: readonly string[]): FlowRuleError[] {
  return validateFlowDefinition(flowDefinition(editor), categories ? { categories } : {});
}

/**
 * Puts problems beside what they are about. Paths are the rules' (`steps[2].buttons[0].next`) or the
 * API's (`definition.steps.2.buttons.0.next`); step and button indexes are the editor's order.
 */
export function locateIssues(editor: FlowEditor, issues: readonly (FlowRuleError | FieldIssue)[]): FlowIssues {
  const result: FlowIssues = { count: issues.length, general: [], start: [], steps: {} };
  for (const issue of issues) {
    const parts = normalizeIssuePath(issue.path).split('.').filter(Boolean);
    if (parts[0] === 'definition') parts.shift();
    const words = issueText(parts, issue.message);
    if (parts[0] === 'startStepId') {
      result.start.push(words);
      continue;
    }
    const step = parts[0] === 'steps' && parts[1] !== undefined ? editor.steps[Number(parts[1])] : undefined;
    if (!step) {
      result.general.push(words);
      continue;
    }
    const at = (result.steps[step.key] ??= { fields: {}, buttons: {} });
    const button = parts[2] === 'buttons' && parts[3] !== undefined ? step.buttons[Number(parts[3])] : undefined;
    if (button) {
      const field = parts[4] ?? 'label';
      ((at.buttons[button.key] ??= {})[field] ??= []).push(words);
    } else {
      const field = parts[2] ?? 'id';
      (at.fields[field] ??= []).push(words);
    }
  }
  return result;
}

/** The rules speak English; the common problems get this console's words in either language. */
function issueText(parts: readonly string[], message: string): FlowIssueText {
  const field = parts.filter((p) => !/^\d+$/.test(p) && p !== 'ko' && p !== 'en').at(-1) ?? '';
  const has = (text: string) => message.includes(text);
  const inButton = parts.includes('buttons') && parts.length > 3;
  let key: MessageKey | null = null;
  if (field === 'id') key = has('duplicates') ? 'flows.issue.idDuplicate' : 'flows.issue.idFormat';
  else if (field === 'kind') key = 'flows.issue.kind';
  else if (field === 'message') key = has('at most') ? 'flows.issue.messageTooLong' : 'flows.issue.messageRequired';
  else if (field === 'label' && inButton) key = has('at most') ? 'flows.issue.labelTooLong' : 'flows.issue.labelRequired';
  else if (field === 'next') key = has('names no step') ? 'flows.issue.nextMissing' : 'flows.issue.nextRequired';
  else if (field === 'category') key = has('not a known') ? 'flows.issue.categoryUnknown' : 'flows.issue.category';
  else if (field === 'buttons' && !inButton) key = has('only menu') ? 'flows.issue.buttonsNotMenu' : has('needs 1') ? 'flows.issue.buttonsCount' : null;
  else if (field === 'startStepId') key = has('names no step') ? 'flows.issue.startMissing' : 'flows.issue.startRequired';
  else if (field === 'steps') key = has('at least') ? 'flows.issue.stepsRequired' : has('at most') ? 'flows.issue.stepsTooMany' : null;
  return { key, raw: message };
}
