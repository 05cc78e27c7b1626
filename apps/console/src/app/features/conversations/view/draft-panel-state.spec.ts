import { aDraft } from '../../../../testing/conversations';
import { DraftPanelEvent, DraftPanelState, INITIAL_DRAFT_PANEL, draftPanelView, draftRequest, reduceDraftPanel } from './draft-panel-state';

const run = (events: DraftPanelEvent[], from: DraftPanelState = INITIAL_DRAFT_PANEL) => events.reduce(reduceDraftPanel, from);

describe('draft panel state', () => {
  const proposed = aDraft({ id: 'd1', body: '내일 도착 예정입니다.', createdAt: '2026-11-20T11:00:00.000Z' });

  it('shows the newest draft of the conversation', () => {
    const old = aDraft({ id: 'd0', status: 'rejected', createdAt: '2026-11-20T10:00:00.000Z' });
    const state = run([{ type: 'loaded', drafts: [old, proposed] }]);

    expect(state.draft?.id).toBe('d1');
    expect(draftPanelView(state)).toBe('proposed');
  });

  it('approves the draft as written, once however often it is clicked', () => {
    const submitted = run([
      { type: 'loaded', drafts: [proposed] },
      { type: 'submit', action: 'approve' },
    ]);

    expect(draftRequest(submitted)).toEqual({ kind: 'approve', draftId: 'd1' });
    expect(run([{ type: 'submit', action: 'approve' }], submitted)).toBe(submitted);

    const done = run([{ type: 'succeeded', action: 'approve', draft: { ...proposed, status: 'approved' } }], submitted);
    expect(done.pending).toBeNull();
    expect(draftPanelView(done)).toBe('outcome');
  });

  it('sends the edited text with "Edit then send", and a plain approval when the text was not changed', () => {
    const editing = run([{ type: 'loaded', drafts: [proposed] }, { type: 'edit' }]);
    expect(editing.editText).toBe(proposed.body);

    const unchanged = run([{ type: 'submit', action: 'send_edit' }], editing);
    expect(draftRequest(unchanged)).toEqual({ kind: 'approve', draftId: 'd1' });

    const changed = run(
      [
        { type: 'editText', text: '내일 오후에 도착합니다.' },
        { type: 'submit', action: 'send_edit' },
      ],
      editing,
    );
    expect(draftRequest(changed)).toEqual({ kind: 'approve', draftId: 'd1', body: '내일 오후에 도착합니다.' });
  });

  it('refuses to send an empty edit', () => {
    const state = run([
      { type: 'loaded', drafts: [proposed] },
      { type: 'edit' },
      { type: 'editText', text: '   ' },
      { type: 'submit', action: 'send_edit' },
    ]);

    expect(state.pending).toBeNull();
    expect(state.error).toBe('empty');
  });

  it('rejects with the reason typed, or none', () => {
    const withReason = run([
      { type: 'loaded', drafts: [proposed] },
      { type: 'startReject' },
      { type: 'rejectReason', text: ' wrong order ' },
      { type: 'submit', action: 'reject' },
    ]);
    expect(draftRequest(withReason)).toEqual({ kind: 'reject', draftId: 'd1', reason: 'wrong order' });

    const without = run([{ type: 'loaded', drafts: [proposed] }, { type: 'startReject' }, { type: 'submit', action: 'reject' }]);
    expect(draftRequest(without)).toEqual({ kind: 'reject', draftId: 'd1', reason: undefined });
  });

  it('waits for the regenerated draft, showing its text while the model streams it, then the new draft', () => {
    let state = run([
      { type: 'loaded', drafts: [proposed] },
      { type: 'submit', action: 'regenerate' },
    ]);
    expect(draftRequest(state)).toEqual({ kind: 'regenerate', draftId: 'd1' });

    state = run(
      [
        { type: 'changed', draft: { ...proposed, status: 'superseded' } },
        { type: 'succeeded', action: 'regenerate' },
      ],
      state,
    );
    expect(draftPanelView(state)).toBe('regenerating');

    state = run(
      [
        { type: 'streaming', draftId: 'd2', text: '내일' },
        { type: 'streaming', draftId: 'd2', text: '내일 오전' },
      ],
      state,
    );
    expect(draftPanelView(state)).toBe('streaming');
    expect(state.streaming?.text).toBe('내일 오전');

    const fresh = aDraft({ id: 'd2', body: '내일 오전에 도착합니다.', createdAt: '2026-11-20T11:05:00.000Z' });
    state = run([{ type: 'changed', draft: fresh }], state);
    expect(draftPanelView(state)).toBe('proposed');
    expect(state.draft?.id).toBe('d2');
    expect(state.streaming).toBeNull();
    expect(state.regenerating).toBe(false);
  });

  it('ignores streamed text for the draft already shown (a late volatile event)', () => {
    const state = run([
      { type: 'loaded', drafts: [proposed] },
      { type: 'streaming', draftId: 'd1', text: 'partial' },
    ]);

    expect(state.streaming).toBeNull();
  });

  it('ends an edit when someone else handles the draft meanwhile, and says so', () => {
    const state = run([
      { type: 'loaded', drafts: [proposed] },
      { type: 'edit' },
      { type: 'changed', draft: { ...proposed, status: 'approved' } },
    ]);

    expect(state.mode).toBe('view');
    expect(state.handledElsewhere).toBe(true);
    expect(run([{ type: 'submit', action: 'send_edit' }], state).pending).toBeNull();
  });

  it('does not treat its own approval, echoed by the socket before the API answers, as someone else', () => {
    const state = run([
      { type: 'loaded', drafts: [proposed] },
      { type: 'edit' },
      { type: 'editText', text: 'changed' },
      { type: 'submit', action: 'send_edit' },
      { type: 'changed', draft: { ...proposed, status: 'edited' } },
      { type: 'succeeded', action: 'send_edit' },
    ]);

    expect(state.handledElsewhere).toBe(false);
    expect(state.draft?.status).toBe('edited');
  });

  it('keeps the edit after a failed send so nothing typed is lost; a conflict goes back to the draft', () => {
    const sending = run([
      { type: 'loaded', drafts: [proposed] },
      { type: 'edit' },
      { type: 'editText', text: 'mine' },
      { type: 'submit', action: 'send_edit' },
    ]);

    const failed = run([{ type: 'failed', action: 'send_edit', error: 'failed' }], sending);
    expect(failed).toMatchObject({ mode: 'edit', editText: 'mine', error: 'failed', pending: null });

    const conflict = run([{ type: 'failed', action: 'send_edit', error: 'conflict' }], sending);
    expect(conflict).toMatchObject({ mode: 'view', error: 'conflict' });
  });

  it('offers no action on a draft that is not proposed', () => {
    const state = run([
      { type: 'loaded', drafts: [{ ...proposed, status: 'auto_sent' }] },
      { type: 'edit' },
      { type: 'submit', action: 'approve' },
    ]);

    expect(state.mode).toBe('view');
    expect(state.pending).toBeNull();
    expect(draftPanelView(state)).toBe('outcome');
  });
});
