import { HttpParams } from '@angular/common/http';
import type { Params } from '@angular/router';
import {
  REPLY_DRAFT_STATUSES,
  type ReplyDraftStatus,
} from '@parley/shared/contracts';
import { UUID_PATTERN } from '@parley/shared/domain';

/**
 * The review log's filters. The URL holds them (so a filtered view can be bookmarked and shared)
 * as readable values: days as YYYY-MM-DD (both ends inclusive), confidence as 0..1. The API gets
 * `from` / `to` as ISO instants, `to` exclusive: the start of the day after the last one.
 */
export interface ReviewFilters {
  from: string | null;
  to: string | null;
  category: string | null;
  status: ReplyDraftStatus | null;
  minConfidence: number | null;
  maxConfidence: number | null;
  reviewedById: string | null;
  flagged: boolean | null;
}

export const NO_FILTERS: ReviewFilters = {
  from: null,
  to: null,
  category: null,
  status: null,
  minConfidence: null,
  maxConfidence: null,
  reviewedById: null,
  flagged: null,
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CATEGORY_KEY = /^[a-z][a-z0-9_]{1,39}$/;

type ParamSource = { get(name: string): string | null };

/** Reads filters from the URL; a value that is not valid is ignored rather than sent to the API to fail. */
export function filtersFromParams(params: ParamSource): ReviewFilters {
  const text = (name: string) => params.get(name)?.trim() || null;
  const day = (name: string) => {
    const value = text(name);
    return value && parseDay(value) ? value : null;
  };
  const confidence = (name: string) => {
    const value = text(name);
    if (value === null) return null;
    const n = Number(value);
    return Number.isFinite(n) && n >= 0 && n <= 1 ? n : null;
  };
  const status = text('status');
  const category = text('category');
  const agent = text('reviewedById');
  const flagged = text('flagged');
  return {
    from: day('from'),
    to: day('to'),
    category: category && CATEGORY_KEY.test(category) ? category : null,
    status:
      status && (REPLY_DRAFT_STATUSES as readonly string[]).includes(status)
        ? (status as ReplyDraftStatus)
        : null,
    minConfidence: confidence('minConfidence'),
    maxConfidence: confidence('maxConfidence'),
    reviewedById: agent && UUID_PATTERN.test(agent) ? agent : null,
    flagged: flagged === 'true' ? true : flagged === 'false' ? false : null,
  };
}

/** The URL query params for `filters`: every key present, null for the unset ones (so navigation removes them). */
export function filtersToQueryParams(filters: ReviewFilters): Params {
  return {
    from: filters.from,
    to: filters.to,
    category: filters.category,
    status: filters.status,
    minConfidence: filters.minConfidence,
    maxConfidence: filters.maxConfidence,
    reviewedById: filters.reviewedById,
    flagged: filters.flagged === null ? null : String(filters.flagged),
  };
}

/** The API query (GET /reply-drafts and its CSV export) for `filters`; days are local days. */
export function filtersToApiParams(
  filters: ReviewFilters,
  page: { cursor?: string | null; limit?: number } = {},
): HttpParams {
  let params = new HttpParams();
  const set = (name: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== '')
      params = params.set(name, String(value));
  };
  const from = filters.from ? parseDay(filters.from) : null;
  const to = filters.to ? parseDay(filters.to) : null;
  set('from', from?.toISOString());
  if (to) {
    to.setDate(to.getDate() + 1);
    set('to', to.toISOString());
  }
  set('category', filters.category);
  set('status', filters.status);
  set('minConfidence', filters.minConfidence);
  set('maxConfidence', filters.maxConfidence);
  set('reviewedById', filters.reviewedById);
  set('flagged', filters.flagged === null ? null : String(filters.flagged));
  set('cursor', page.cursor);
  set('limit', page.limit);
  return params;
}

export function sameFilters(a: ReviewFilters, b: ReviewFilters): boolean {
  return (Object.keys(NO_FILTERS) as (keyof ReviewFilters)[]).every(
    (key) => a[key] === b[key],
  );
}

export function activeFilterCount(filters: ReviewFilters): number {
  return Object.values(filters).filter((v) => v !== null).length;
}

/** Local midnight of a YYYY-MM-DD day, or null when it is not a real date. */
export function parseDay(value: string): Date | null {
  const match = DAY.exec(value);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year &&
    date.getMonth() === month - 1 &&
    date.getDate() === day
    ? date
    : null;
}

/** A percentage typed by the agent (0-100) as a 0..1 confidence, or null when empty or out of range. */
export function percentToConfidence(value: string): number | null {
  if (value.trim() === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) return null;
  return Math.round(n) / 100;
}
