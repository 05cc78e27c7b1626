import type { ReplyDraftDto } from '@parley/shared/contracts';

/** What the agent can do with a draft. `send_edit` approves the agent's edited text instead of the draft. */
export type DraftAction = 'approve' | 'send_edit' | 'reject' | 'regenerate';

export type DraftPanelMode = 'view' | 'edit' | 'reject';

export type DraftError = 'conflict' | 'failed' | 'empty';

export interface DraftPanelState {
  /** The draft shown: the newest of the conversation. */
  draft: ReplyDraftDto | null;
  /** Text of a draft the model is still writing (it has no row yet). */
  streaming: { draftId: string; text: string } | null;
  mode: DraftPanelMode;
  editText: string;
  rejectReason: string;
  /** The request in flight; a second click does nothing meanwhile. */
  pending: DraftAction | null;
  /** Regenerate was accepted; the new draft arrives as an event. */
  regenerating: boolean;
  error: DraftError | null;
  /** The draft was approved, rejected or replaced by someone else (another agent, another tab) while it was being edited. */
  handledElsewhere: boolean;
}

export type DraftPanelEvent =
  | { type: 'loaded'; drafts: readonly ReplyDraftDto[] }
  | { type: 'changed'; draft: ReplyDraftDto }
  | { type: 'streaming'; draftId: string; text: string }
  | { type: 'edit' }
  | { type: 'editText'; text: string }
  | { type: 'startReject' }
  | { type: 'rejectReason'; text: string }
  | { type: 'cancel' }
  | { type: 'submit'; action: DraftAction }
  | { type: 'succeeded'; action: DraftAction; draft?: ReplyDraftDto }
  | { type: 'failed'; action: DraftAction; error: Exclude<DraftError, 'empty'> };

/** What the panel shows. */
export type DraftPanelView = 'none' | 'streaming' | 'regenerating' | 'proposed' | 'outcome';

export const INITIAL_DRAFT_PANEL: DraftPanelState = {
  draft: null,
  streaming: null,
  mode: 'view',
  editText: '',
  rejectReason: '',
  pending: null,
  regenerating: false,
  error: null,
  handledElsewhere: false,
};

const isNewer = (a: ReplyDraftDto, b: ReplyDraftDto | null) => !b || Date.parse(a.createdAt) >= Date.parse(b.createdAt);

/**
 * The draft panel's state machine. Pure: the component dispatches events (clicks, API answers,
 * socket events) and performs the request that `submit` allows (see `draftRequest`).
 */
export function reduceDraftPanel(state: DraftPanelState, event: DraftPanelEvent): DraftPanelState {
  switch (event.type) {
    case 'loaded': {
      const draft = event.drafts.reduce<ReplyDraftDto | null>((newest, d) => (isNewer(d, newest) ? d : newest), null);
      const streaming = state.streaming && state.streaming.draftId !== draft?.id ? state.streaming : null;
      return { ...INITIAL_DRAFT_PANEL, draft, streaming, regenerating: state.regenerating && draft?.status === 'superseded' };
    }

    case 'changed': {
      const { draft } = event;
      const streaming = state.streaming?.draftId === draft.id ? null : state.streaming;
      if (state.draft && draft.id === state.draft.id) {
        const handledElsewhere = state.pending === null && state.mode !== 'view' && draft.status !== 'proposed';
        return {
          ...state,
          draft,
          streaming,
          mode: draft.status === 'proposed' ? state.mode : 'view',
          handledElsewhere: handledElsewhere || state.handledElsewhere,
        };
      }
      if (!isNewer(draft, state.draft)) return { ...state, streaming };
      // A newer draft (regenerated, or for a newer question) replaces the one shown.
      const wasEditing = state.mode !== 'view' && state.pending === null;
      return {
        ...INITIAL_DRAFT_PANEL,
        draft,
        streaming,
        regenerating: state.regenerating && draft.status === 'superseded',
        handledElsewhere: wasEditing,
      };
    }

    case 'streaming':
      if (state.draft?.id === event.draftId) return state;
      return { ...state, streaming: { draftId: event.draftId, text: event.text } };

    case 'edit':
      if (!canAct(state) || !state.draft) return state;
      return { ...state, mode: 'edit', editText: state.draft.body, error: null, handledElsewhere: false };

    case 'editText':
      return state.mode === 'edit' ? { ...state, editText: event.text, error: state.error === 'empty' ? null : state.error } : state;

    case 'startReject':
      if (!canAct(state)) return state;
      return { ...state, mode: 'reject', rejectReason: '', error: null, handledElsewhere: false };

    case 'rejectReason':
      return state.mode === 'reject' ? { ...state, rejectReason: event.text } : state;

    case 'cancel':
      return state.pending ? state : { ...state, mode: 'view', error: null };

    case 'submit': {
      if (!canAct(state)) return state;
      if (event.action === 'send_edit' && state.mode !== 'edit') return state;
      if (event.action === 'send_edit' && !state.editText.trim()) return { ...state, error: 'empty' };
      return { ...state, pending: event.action, error: null, handledElsewhere: false };
    }

    case 'succeeded': {
      if (state.pending !== event.action) return state;
      const draft = event.draft && state.draft && event.draft.id === state.draft.id ? event.draft : state.draft;
      return {
        ...state,
        draft,
        pending: null,
        mode: 'view',
        error: null,
        regenerating: event.action === 'regenerate' || state.regenerating,
      };
    }

    case 'failed':
      if (state.pending !== event.action) return state;
      // Conflict: the draft is no longer proposed (handled elsewhere); the caller reloads the drafts.
      return { ...state, pending: null, error: event.error, mode: event.error === 'conflict' ? 'view' : state.mode };
  }
}

/** A proposed draft with nothing in flight. */
export function canAct(state: DraftPanelState): boolean {
  return state.draft?.status === 'proposed' && state.pending === null && !state.regenerating;
}

export function draftPanelView(state: DraftPanelState): DraftPanelView {
  if (state.streaming) return 'streaming';
  if (state.regenerating) return 'regenerating';
  if (!state.draft || state.draft.status === 'superseded') return 'none';
  return state.draft.status === 'proposed' ? 'proposed' : 'outcome';
}

/** The API call a submitted action makes; call it right after dispatching `submit` when `pending` is set. */
export type DraftRequest =
  | { kind: 'approve'; draftId: string; body?: string }
  | { kind: 'reject'; draftId: string; reason?: string }
  | { kind: 'regenerate'; draftId: string };

export function draftRequest(state: DraftPanelState): DraftRequest | null {
  const draft = state.draft;
  if (!draft || !state.pending) return null;
  switch (state.pending) {
    case 'approve':
      return { kind: 'approve', draftId: draft.id };
    case 'send_edit':
      // Unchanged text is a plain approval (the review log records it as approved, not edited).
      return state.editText === draft.body
        ? { kind: 'approve', draftId: draft.id }
        : { kind: 'approve', draftId: draft.id, body: state.editText };
    case 'reject':
      return { kind: 'reject', draftId: draft.id, reason: state.rejectReason.trim() || undefined };
    case 'regenerate':
      return { kind: 'regenerate', draftId: draft.id };
  }
}
