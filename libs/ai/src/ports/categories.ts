import { DEFAULT_CATEGORIES } from '@parley/shared/domain';

/**
 * Categories are workspace data: an admin can rename or add them. The default six come from the shared
 * domain; nothing in the AI layer switches on a category id except the optional draft phrasing.
 */
export type CategoryId = string;

export interface CategoryDefinition {
  id: CategoryId;
  label: string;
  /** Plain-language definition, used in prompts and as extra training text for the offline model. */
  description?: string;
}

export const DEFAULT_CATEGORY_IDS: readonly CategoryId[] = DEFAULT_CATEGORIES;

/** Categories the classifier falls back to for spam, greetings and anything without a request. */
export const FALLBACK_CATEGORY: CategoryId = 'general';
