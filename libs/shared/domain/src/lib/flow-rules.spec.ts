import { FLOW_LIMITS, localizedFlowText, validateFlowDefinition } from './flow-rules';

// Loose on purpose: the tests break flows in ways the real types would not allow.
type Text = { ko: string; en: string } | string;
interface TestButton {
  id: string;
  label: Text;
  next: string;
  [extra: string]: unknown;
}
interface TestStep {
  id: string;
  kind: string;
  message: Text;
  buttons: TestButton[];
  category: string | null;
}
interface TestFlow {
  startStepId: string;
  steps: TestStep[];
  [extra: string]: unknown;
}

const text = (ko: string, en = '') => ({ ko, en });

function flow(): TestFlow {
  return {
    startStepId: 'start',
    steps: [
      {
        id: 'start',
        kind: 'menu',
        message: text('무엇을 도와드릴까요?', 'How can we help?'),
        buttons: [
          { id: 'shipping', label: text('배송', 'Shipping'), next: 'shipping' },
          { id: 'person', label: text('상담원 연결', 'Talk to a person'), next: 'handoff' },
        ],
        category: null,
      },
      { id: 'shipping', kind: 'free_text', message: text('주문번호를 알려주세요.'), buttons: [], category: 'shipping' },
      { id: 'handoff', kind: 'handoff', message: text('', 'Connecting you.'), buttons: [], category: null },
    ],
  };
}

const paths = (value: unknown, categories?: string[]) => validateFlowDefinition(value, { categories }).map((e) => e.path);

describe('flow rules', () => {
  it('accepts a well-formed flow, with or without the known categories', () => {
    expect(validateFlowDefinition(flow())).toEqual([]);
    expect(validateFlowDefinition(flow(), { categories: ['shipping', 'order'] })).toEqual([]);
  });

  it('refuses what is not a flow at all', () => {
    expect(paths(null)).toEqual(['']);
    expect(paths({ startStepId: 'start' })).toEqual(['steps']);
    expect(paths({ startStepId: 'start', steps: [] })).toEqual(['steps', 'startStepId']);
  });

  it('needs unique step ids and a start step that exists', () => {
    const f = flow();
    f.steps[2].id = 'shipping';
    f.startStepId = 'nowhere';
    expect(paths(f)).toEqual(['steps[2].id', 'startStepId', 'steps[0].buttons[1].next']);
  });

  it('checks id characters and length for steps and buttons', () => {
    const f = flow();
    f.steps[1].id = 'Shipping!';
    f.steps[0].buttons[0].id = 'a'.repeat(FLOW_LIMITS.id + 1);
    expect(paths(f)).toEqual(['steps[0].buttons[0].id', 'steps[0].buttons[0].next', 'steps[1].id']);
  });

  it('needs unique button ids within a step, and every next to name a step', () => {
    const f = flow();
    f.steps[0].buttons[1].id = 'shipping';
    f.steps[0].buttons[1].next = 'gone';
    const errors = validateFlowDefinition(f);
    expect(errors).toEqual([
      { path: 'steps[0].buttons[1].id', message: 'duplicates button id "shipping" in this step' },
      { path: 'steps[0].buttons[1].next', message: 'names no step ("gone")' },
    ]);
  });

  it('gives menu steps 1 to 10 buttons and the other kinds none', () => {
    const f = flow();
    f.steps[0].buttons = [];
    f.steps[1].buttons = [{ id: 'x', label: text('x'), next: 'start' }];
    expect(paths(f)).toEqual(['steps[0].buttons', 'steps[1].buttons']);

    const g = flow();
    g.steps[0].buttons = Array.from({ length: FLOW_LIMITS.buttonsPerStep + 1 }, (_, i) => ({ id: `b${i}`, label: text(`b${i}`), next: 'start' }));
    expect(paths(g)).toEqual(['steps[0].buttons']);
  });

  it('refuses an unknown kind', () => {
    const f = flow();
    f.steps[1].kind = 'survey';
    expect(paths(f)).toEqual(['steps[1].kind']);
  });

  it('limits labels to 40 and messages to 1,000 characters, and needs one language filled in', () => {
    const f = flow();
    f.steps[0].buttons[0].label = text('가'.repeat(FLOW_LIMITS.label + 1), 'Shipping');
    f.steps[0].buttons[1].label = text('  ', '');
    f.steps[1].message = text('a'.repeat(FLOW_LIMITS.message + 1));
    f.steps[2].message = text('', '');
    expect(paths(f)).toEqual(['steps[0].buttons[0].label.ko', 'steps[0].buttons[1].label', 'steps[1].message.ko', 'steps[2].message']);
    f.steps[1].message = 'plain string';
    expect(paths(f)).toContain('steps[1].message');
  });

  it('takes a category as null or a known key', () => {
    const f = flow();
    f.steps[1].category = 'Not A Key';
    expect(paths(f)).toEqual(['steps[1].category']);
    f.steps[1].category = 'warranty';
    expect(paths(f)).toEqual([]);
    expect(paths(f, ['shipping', 'order'])).toEqual(['steps[1].category']);
  });

  it('allows at most 50 steps', () => {
    const f = flow();
    for (let i = 0; f.steps.length <= FLOW_LIMITS.steps; i++) f.steps.push({ id: `extra-${i}`, kind: 'free_text', message: text('x'), buttons: [], category: null });
    expect(paths(f)).toEqual(['steps']);
  });

  it('names fields that are not part of a flow', () => {
    const f = flow();
    f.steps[0].buttons[0]['style'] = 'red';
    f['theme'] = 'dark';
    expect(paths(f)).toEqual(['theme', 'steps[0].buttons[0].style']);
  });

  it('shows the visitor’s language, or the other one when it is blank', () => {
    expect(localizedFlowText(text('배송', 'Shipping'), 'en')).toBe('Shipping');
    expect(localizedFlowText(text('배송', ' '), 'en')).toBe('배송');
    expect(localizedFlowText(text('', 'Shipping'), 'ko')).toBe('Shipping');
  });
});
