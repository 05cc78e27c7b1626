import type { FlowDefinition } from '@parley/shared/contracts';
import { FLOW_LIMITS } from '@parley/shared/domain';
import {
  FlowEditor,
  addButton,
  addStep,
  editorFromFlow,
  flowDefinition,
  locateIssues,
  moveButton,
  moveStep,
  patchButton,
  patchStep,
  removeButton,
  removeStep,
  setStart,
  validateEditor,
} from './flow-editor-model';

const definition: FlowDefinition = {
  startStepId: 'start',
  steps: [
    {
      id: 'start',
      kind: 'menu',
      message: { ko: '무엇을 도와드릴까요?', en: 'How can we help?' },
      buttons: [
        { id: 'order', label: { ko: '주문', en: 'Order' }, next: 'order' },
        { id: 'person', label: { ko: '상담원 연결', en: 'Talk to a person' }, next: 'handoff' },
      ],
      category: null,
    },
    { id: 'order', kind: 'free_text', message: { ko: '주문번호를 적어 주세요.', en: 'Your order number, please.' }, buttons: [], category: 'order' },
    { id: 'handoff', kind: 'handoff', message: { ko: '연결해 드릴게요.', en: 'Connecting you.' }, buttons: [], category: null },
  ],
};

const open = (): FlowEditor => editorFromFlow({ enabled: true, definition });
const step = (editor: FlowEditor, id: string) => editor.steps.find((s) => s.id === id)!;
const ids = (editor: FlowEditor) => editor.steps.map((s) => s.id);

describe('flow editor model', () => {
  it('gives back the definition it was opened with, and the shared rules find nothing wrong in it', () => {
    const editor = open();

    expect(flowDefinition(editor)).toEqual(definition);
    expect(validateEditor(editor, ['order', 'shipping'])).toEqual([]);
  });

  it('adds steps with fresh ids and buttons up to the limit', () => {
    let editor = addStep(addStep(open()));
    expect(ids(editor)).toEqual(['start', 'order', 'handoff', 'step_1', 'step_2']);

    const start = step(editor, 'start');
    for (let i = 0; i < FLOW_LIMITS.buttonsPerStep + 2; i++) editor = addButton(editor, start.key);
    const buttons = step(editor, 'start').buttons;
    expect(buttons).toHaveLength(FLOW_LIMITS.buttonsPerStep);
    expect(new Set(buttons.map((b) => b.id)).size).toBe(FLOW_LIMITS.buttonsPerStep);
    expect(buttons.at(-1)).toMatchObject({ id: 'button_8', label: { ko: '', en: '' }, next: null });
  });

  it('renames a step and the buttons leading to it, and the start, follow', () => {
    const editor = patchStep(patchStep(open(), step(open(), 'order').key, { id: 'orders' }), step(open(), 'start').key, { id: 'welcome' });
    const saved = flowDefinition(editor);

    expect(saved.startStepId).toBe('welcome');
    expect(saved.steps[0].buttons[0].next).toBe('orders');
    expect(validateEditor(editor)).toEqual([]);
  });

  it('removes a step: buttons that led there point nowhere and say so, and the start moves to the first step left', () => {
    let editor = open();
    editor = removeStep(editor, step(editor, 'handoff').key);

    const start = step(editor, 'start');
    expect(start.buttons[1].next).toBeNull();
    expect(flowDefinition(editor).steps[0].buttons[1].next).toBe('');
    const issues = locateIssues(editor, validateEditor(editor));
    expect(issues.count).toBe(1);
    expect(issues.steps[start.key].buttons[start.buttons[1].key]['next']).toEqual([
      { key: 'flows.issue.nextRequired', raw: 'must name the step the button leads to' },
    ]);

    editor = removeStep(editor, start.key);
    expect(editor.startKey).toBe(step(editor, 'order').key);
  });

  it('reorders steps and buttons, and sets the start step', () => {
    let editor = open();
    const start = step(editor, 'start');
    editor = moveStep(editor, step(editor, 'handoff').key, -1);
    editor = moveButton(editor, start.key, start.buttons[0].key, 1);
    editor = moveStep(editor, start.key, -1);
    editor = setStart(editor, step(editor, 'order').key);

    expect(ids(editor)).toEqual(['start', 'handoff', 'order']);
    expect(step(editor, 'start').buttons.map((b) => b.id)).toEqual(['person', 'order']);
    expect(flowDefinition(editor).startStepId).toBe('order');
  });

  it('keeps the buttons of a step switched away from menu, but leaves them out of what is saved', () => {
    let editor = open();
    const start = step(editor, 'start');
    editor = patchStep(editor, start.key, { kind: 'free_text' });

    expect(step(editor, 'start').buttons).toHaveLength(2);
    expect(flowDefinition(editor).steps[0].buttons).toEqual([]);
    editor = patchStep(editor, start.key, { kind: 'menu' });
    expect(flowDefinition(editor)).toEqual(definition);
  });

  it('puts the rules’ problems beside the step and button they are about, in the console’s words', () => {
    let editor = open();
    const start = step(editor, 'start');
    editor = patchButton(editor, start.key, start.buttons[0].key, { label: { ko: ' ', en: '' } });
    editor = patchStep(editor, step(editor, 'order').key, { id: 'Order!', category: 'gone' });
    const handoff = step(editor, 'handoff');
    editor = patchStep(editor, handoff.key, { id: 'start' });
    editor = addButton(removeButton(editor, start.key, start.buttons[1].key), handoff.key);

    const issues = locateIssues(editor, validateEditor(editor, ['order']));
    const order = step(editor, 'Order!');
    const keys = (list: { key: string | null }[] | undefined) => (list ?? []).map((i) => i.key);

    expect(keys(issues.steps[start.key].buttons[start.buttons[0].key]['label'])).toEqual(['flows.issue.labelRequired']);
    expect(keys(issues.steps[order.key].fields['id'])).toEqual(['flows.issue.idFormat']);
    expect(keys(issues.steps[order.key].fields['category'])).toEqual(['flows.issue.categoryUnknown']);
    expect(keys(issues.steps[handoff.key].fields['id'])).toEqual(['flows.issue.idDuplicate']);
    // A handoff step keeps the button it was given, but saves none, so the rules see none.
    expect(issues.steps[handoff.key].fields['buttons']).toBeUndefined();
    expect(issues.count).toBe(4);
  });

  it('places the API’s validation details (prefixed with definition.) the same way, and keeps words it does not know', () => {
    const editor = open();
    const start = step(editor, 'start');

    const issues = locateIssues(editor, [
      { path: 'definition.steps.0.buttons.1.next', message: 'names no step ("handoff")' },
      { path: 'definition.startStepId', message: 'is required' },
      { path: 'enabled', message: 'enabled must be a boolean value' },
    ]);

    expect(issues.steps[start.key].buttons[start.buttons[1].key]['next'][0].key).toBe('flows.issue.nextMissing');
    expect(issues.start[0].key).toBe('flows.issue.startRequired');
    expect(issues.general).toEqual([{ key: null, raw: 'enabled must be a boolean value' }]);
  });
});
