import type {
  ArticleSuggestionDto,
  KnowledgeArticleDto,
  KnowledgeArticleRequest,
} from '@parley/shared/contracts';
import type { MessageKey } from '../../core/i18n/messages';

/** The editor's fields as typed; tags as one comma-separated line. Limits match the API's. */
export interface ArticleDraft {
  title: string;
  body: string;
  locale: string;
  tags: string;
}

export const ARTICLE_LIMITS = {
  titleMax: 300,
  bodyMax: 100_000,
  tagsMax: 20,
  tagMax: 40,
} as const;
const LOCALE = /^[a-z]{2}(-[A-Za-z]{2})?$/;

export type ArticleErrors = Partial<Record<keyof ArticleDraft, MessageKey>>;

export const EMPTY_ARTICLE: ArticleDraft = {
  title: '',
  body: '',
  locale: '',
  tags: '',
};

export function draftFromArticle(article: KnowledgeArticleDto): ArticleDraft {
  return {
    title: article.title,
    body: article.body,
    locale: article.locale ?? '',
    tags: article.tags.join(', '),
  };
}

/** A new article from an approved reply: the question as title, the sent answer as body. */
export function draftFromSuggestion(s: ArticleSuggestionDto): ArticleDraft {
  const firstLine = s.question.trim().split('\n')[0].trim();
  const title =
    firstLine.length > 120
      ? `${firstLine.slice(0, 119).trimEnd()}…`
      : firstLine;
  return {
    title,
    body: s.answer.trim(),
    locale: /[\uac00-\ud7a3]/.test(s.answer) ? 'ko' : 'en',
    tags: s.category ?? '',
  };
}

export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  for (const tag of text.split(',')) {
    const trimmed = tag.trim();
    if (trimmed) seen.add(trimmed);
  }
  return [...seen];
}

export function validateArticle(draft: ArticleDraft): ArticleErrors {
  const errors: ArticleErrors = {};
  const title = draft.title.trim();
  if (!title) errors.title = 'knowledge.error.titleRequired';
  else if (title.length > ARTICLE_LIMITS.titleMax)
    errors.title = 'knowledge.error.titleTooLong';
  if (!draft.body.trim()) errors.body = 'knowledge.error.bodyRequired';
  else if (draft.body.length > ARTICLE_LIMITS.bodyMax)
    errors.body = 'knowledge.error.bodyTooLong';
  if (draft.locale.trim() && !LOCALE.test(draft.locale.trim()))
    errors.locale = 'knowledge.error.locale';
  const tags = parseTags(draft.tags);
  if (
    tags.length > ARTICLE_LIMITS.tagsMax ||
    tags.some((t) => t.length > ARTICLE_LIMITS.tagMax)
  )
    errors.tags = 'knowledge.error.tags';
  return errors;
}

export function articleRequest(draft: ArticleDraft): KnowledgeArticleRequest {
  return {
    title: draft.title.trim(),
    body: draft.body,
    locale: draft.locale.trim() || null,
    tags: parseTags(draft.tags),
  };
}
