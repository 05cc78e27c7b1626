import type { ConversationDto, ConversationListQuery } from '@parley/shared/contracts';
import { CONVERSATION_PRIORITIES, CONVERSATION_STATUSES, ConversationPriority, ConversationStatus, LIMITS, UUID_PATTERN } from '@parley/shared/domain';

export type StatusFilter = ConversationStatus | 'all';
export type AssigneeFilter = 'me' | 'unassigned' | 'all';

/** What the conversation list shows. The URL holds it (shareable, back button), see `filtersFromParams`. */
export interface ConversationFilters {
  status: StatusFilter;
  assignee: AssigneeFilter;
  inboxId: string | null;
  /** AI triage category key. */
  category: string | null;
  /** "Urgent" is `priority: 'urgent'`. */
  priority: ConversationPriority | null;
  /** Label name. */
  label: string | null;
  draftWaiting: boolean;
  q: string;
}

export const DEFAULT_FILTERS: ConversationFilters = {
  status: 'open',
  assignee: 'all',
  inboxId: null,
  category: null,
  priority: null,
  label: null,
  draftWaiting: false,
  q: '',
};

const STATUS_FILTERS: readonly StatusFilter[] = [...CONVERSATION_STATUSES, 'all'];
const ASSIGNEE_FILTERS: readonly AssigneeFilter[] = ['me', 'unassigned', 'all'];
const CATEGORY_KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** URL query parameter → filter. Parameters left out of the URL take their default. */
export const FILTER_PARAMS = {
  status: 'status',
  assignee: 'assignee',
  inboxId: 'inbox',
  category: 'category',
  priority: 'priority',
  label: 'label',
  draftWaiting: 'draft',
  q: 'q',
} as const satisfies Record<keyof ConversationFilters, string>;

type ParamSource = Readonly<Record<string, unknown>>;

/** Filters from URL query parameters. Unknown or malformed values (an old link, a typo) fall back to the default. */
export function filtersFromParams(params: ParamSource): ConversationFilters {
  const text = (name: string): string | null => {
    const value = params[name];
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[]): T | null => {
    const value = text(name);
    return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
  };
  const inbox = text(FILTER_PARAMS.inboxId);
  const category = text(FILTER_PARAMS.category);
  const label = text(FILTER_PARAMS.label);
  return {
    status: oneOf(FILTER_PARAMS.status, STATUS_FILTERS) ?? DEFAULT_FILTERS.status,
    assignee: oneOf(FILTER_PARAMS.assignee, ASSIGNEE_FILTERS) ?? DEFAULT_FILTERS.assignee,
    inboxId: inbox && UUID_PATTERN.test(inbox) ? inbox.toLowerCase() : null,
    category: category && CATEGORY_KEY.test(category) ? category : null,
    priority: oneOf(FILTER_PARAMS.priority, CONVERSATION_PRIORITIES),
    label: label && label.length <= 60 ? label : null,
    draftWaiting: text(FILTER_PARAMS.draftWaiting) === '1',
    q: (text(FILTER_PARAMS.q) ?? '').slice(0, LIMITS.searchMax),
  };
}

/**
 * Query parameters for `router.navigate(..., { queryParams })`: a default value is `null`, which
 * removes the parameter, so the plain list has a clean URL.
 */
export function filtersToParams(filters: ConversationFilters): Record<string, string | null> {
  return {
    [FILTER_PARAMS.status]: filters.status === DEFAULT_FILTERS.status ? null : filters.status,
    [FILTER_PARAMS.assignee]: filters.assignee === DEFAULT_FILTERS.assignee ? null : filters.assignee,
    [FILTER_PARAMS.inboxId]: filters.inboxId,
    [FILTER_PARAMS.category]: filters.category,
    [FILTER_PARAMS.priority]: filters.priority,
    [FILTER_PARAMS.label]: filters.label,
    [FILTER_PARAMS.draftWaiting]: filters.draftWaiting ? '1' : null,
    [FILTER_PARAMS.q]: filters.q.trim() || null,
  };
}

/** The API query for the filters (first page unless a cursor is given). */
export function toListQuery(filters: ConversationFilters, cursor?: string | null): ConversationListQuery {
  const query: ConversationListQuery = {};
  if (filters.status !== 'all') query.status = filters.status;
  if (filters.assignee !== 'all') query.assignee = filters.assignee;
  if (filters.inboxId) query.inboxId = filters.inboxId;
  if (filters.category) query.category = filters.category;
  if (filters.priority) query.priority = filters.priority;
  if (filters.label) query.label = filters.label;
  if (filters.draftWaiting) query.draftWaiting = true;
  const q = filters.q.trim();
  if (q) query.q = q;
  if (cursor) query.cursor = cursor;
  return query;
}

export function sameFilters(a: ConversationFilters, b: ConversationFilters): boolean {
  return (Object.keys(DEFAULT_FILTERS) as (keyof ConversationFilters)[]).every((k) => a[k] === b[k]);
}

/**
 * Whether a conversation belongs in the list, judged in the browser for live events. Mirrors the
 * API's filters; the text search approximates it (contact fields, #number, the latest message).
 */
export function matchesFilters(c: ConversationDto, f: ConversationFilters, meId: string | null): boolean {
  if (f.status !== 'all' && c.status !== f.status) return false;
  if (f.assignee === 'me' && (!meId || c.assigneeId !== meId)) return false;
  if (f.assignee === 'unassigned' && c.assigneeId !== null) return false;
  if (f.inboxId && c.inboxId !== f.inboxId) return false;
  if (f.category && c.category !== f.category) return false;
  if (f.priority && c.priority !== f.priority) return false;
  if (f.label && !c.labels.some((l) => l.name === f.label)) return false;
  if (f.draftWaiting && !c.draftWaiting) return false;
  return matchesSearch(c, f.q);
}

function matchesSearch(c: ConversationDto, q: string): boolean {
  const term = q.trim().toLowerCase();
  if (!term) return true;
  if (/^#?\d{1,9}$/.test(term) && c.displayId === Number(term.replace('#', ''))) return true;
  return [c.contact.name, c.contact.email, c.contact.company, c.lastMessagePreview].some((field) => field?.toLowerCase().includes(term));
}
