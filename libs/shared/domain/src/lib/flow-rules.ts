/**
 * The rules a flow (an inbox's button scenario) must follow, shared by the API (which refuses a bad
 * flow) and the console's editor (which shows the same errors as the admin types). The shapes below
 * are structural: anything with these fields is checked, and `validateFlowDefinition` accepts
 * `unknown` so it can run on a request body as it arrived.
 */
export const FLOW_STEP_KINDS = ['menu', 'quote_form', 'contact_capture', 'free_text', 'handoff'] as const;
export type FlowStepKind = (typeof FLOW_STEP_KINDS)[number];

export const FLOW_LIMITS = {
  steps: 50,
  buttonsPerStep: 10,
  label: 40,
  message: 1_000,
  /** Step and button ids: [a-z0-9_-], this long at most. */
  id: 40,
} as const;

/** A flow step or button id. */
export const FLOW_ID = /^[a-z0-9_-]{1,40}$/;
/** Same shape as an AI category key (`b2b_quote`). */
const CATEGORY_KEY = /^[a-z][a-z0-9_]{1,39}$/;

export interface FlowTextShape {
  ko: string;
  en: string;
}

export interface FlowStepShape {
  id: string;
  kind: string;
  message: FlowTextShape;
  buttons: ReadonlyArray<{ id: string; label: FlowTextShape; next: string }>;
  category: string | null;
}

export interface FlowDefinitionShape {
  startStepId: string;
  steps: readonly FlowStepShape[];
}

/** `path` points into the definition (`steps[2].buttons[0].next`); the API prefixes it with `definition.`. */
export interface FlowRuleError {
  path: string;
  message: string;
}

export interface FlowRuleOptions {
  /** Known category keys; without them a category only has to look like a key. */
  categories?: readonly string[];
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every broken rule, in document order; an empty list means the flow can be saved. */
export function validateFlowDefinition(value: unknown, options: FlowRuleOptions = {}): FlowRuleError[] {
  const errors: FlowRuleError[] = [];
  const fail = (path: string, message: string) => errors.push({ path, message });
  if (!isObject(value)) return [{ path: '', message: 'must be an object with startStepId and steps' }];
  unknownFields(value, ['startStepId', 'steps'], '', fail);

  const steps = value['steps'];
  if (!Array.isArray(steps)) {
    fail('steps', 'must be a list of steps');
    return errors;
  }
  if (steps.length === 0) fail('steps', 'needs at least one step');
  if (steps.length > FLOW_LIMITS.steps) fail('steps', `has ${steps.length} steps; at most ${FLOW_LIMITS.steps}`);

  const stepIds = new Set<string>();
  steps.forEach((step, i) => {
    const id = isObject(step) ? step['id'] : undefined;
    if (typeof id !== 'string') return;
    if (stepIds.has(id)) fail(`steps[${i}].id`, `duplicates step id "${id}"`);
    stepIds.add(id);
  });

  const start = value['startStepId'];
  if (typeof start !== 'string' || !start) fail('startStepId', 'is required');
  else if (!stepIds.has(start)) fail('startStepId', `names no step ("${start}")`);

  steps.forEach((step, i) => checkStep(step, `steps[${i}]`, stepIds, options, fail));
  return errors;
}

function checkStep(step: unknown, path: string, stepIds: Set<string>, options: FlowRuleOptions, fail: (path: string, message: string) => void): void {
  if (!isObject(step)) return fail(path, 'must be an object');
  unknownFields(step, ['id', 'kind', 'message', 'buttons', 'category'], path, fail);
  checkId(step['id'], `${path}.id`, fail);

  const kind = step['kind'];
  const known = (FLOW_STEP_KINDS as readonly unknown[]).includes(kind);
  if (!known) fail(`${path}.kind`, `must be one of ${FLOW_STEP_KINDS.join(', ')}`);
  checkText(step['message'], `${path}.message`, FLOW_LIMITS.message, fail);

  const category = step['category'];
  if (category !== null && category !== undefined) {
    if (typeof category !== 'string' || !CATEGORY_KEY.test(category)) fail(`${path}.category`, 'must be null or a category key');
    else if (options.categories && !options.categories.includes(category)) fail(`${path}.category`, `is not a known category ("${category}")`);
  }

  const buttons = step['buttons'];
  if (!Array.isArray(buttons)) return fail(`${path}.buttons`, 'must be a list (empty for steps other than menu)');
  if (kind === 'menu' && (buttons.length < 1 || buttons.length > FLOW_LIMITS.buttonsPerStep)) {
    fail(`${path}.buttons`, `a menu step needs 1 to ${FLOW_LIMITS.buttonsPerStep} buttons`);
  }
  if (known && kind !== 'menu' && buttons.length > 0) fail(`${path}.buttons`, `only menu steps have buttons; a ${String(kind)} step has none`);

  const buttonIds = new Set<string>();
  buttons.forEach((button, j) => {
    const at = `${path}.buttons[${j}]`;
    if (!isObject(button)) return fail(at, 'must be an object');
    unknownFields(button, ['id', 'label', 'next'], at, fail);
    if (checkId(button['id'], `${at}.id`, fail)) {
      const id = button['id'] as string;
      if (buttonIds.has(id)) fail(`${at}.id`, `duplicates button id "${id}" in this step`);
      buttonIds.add(id);
    }
    checkText(button['label'], `${at}.label`, FLOW_LIMITS.label, fail);
    const next = button['next'];
    if (typeof next !== 'string' || !next) fail(`${at}.next`, 'must name the step the button leads to');
    else if (!stepIds.has(next)) fail(`${at}.next`, `names no step ("${next}")`);
  });
}

function checkId(id: unknown, path: string, fail: (path: string, message: string) => void): boolean {
  if (typeof id === 'string' && FLOW_ID.test(id)) return true;
  fail(path, `must be 1 to ${FLOW_LIMITS.id} characters of a-z, 0-9, _ and -`);
  return false;
}

/** Korean and English, each within `max`; at least one of them not blank. */
function checkText(text: unknown, path: string, max: number, fail: (path: string, message: string) => void): void {
  if (!isObject(text) || typeof text['ko'] !== 'string' || typeof text['en'] !== 'string') {
    return fail(path, 'must be { ko, en } with two strings (one may be empty)');
  }
  unknownFields(text, ['ko', 'en'], path, fail);
  for (const lang of ['ko', 'en'] as const) {
    const value = text[lang] as string;
    if (value.length > max) fail(`${path}.${lang}`, `is ${value.length} characters; at most ${max}`);
  }
  if (!(text['ko'] as string).trim() && !(text['en'] as string).trim()) fail(path, 'needs text in Korean or English');
}

function unknownFields(o: Obj, allowed: readonly string[], path: string, fail: (path: string, message: string) => void): void {
  for (const key of Object.keys(o)) if (!allowed.includes(key)) fail(path ? `${path}.${key}` : key, 'is not a field of a flow');
}

/** The text in the visitor's language, or the other one when that is blank. */
export function localizedFlowText(text: FlowTextShape, locale: 'ko' | 'en'): string {
  const own = text[locale];
  return own && own.trim() ? own : text[locale === 'ko' ? 'en' : 'ko'];
}
