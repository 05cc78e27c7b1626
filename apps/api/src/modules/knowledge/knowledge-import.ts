/**
 * Parses an uploaded knowledge file: JSON Lines (one article per line: title, body, optional
 * locale/lang and tags; the format of ../shared/eval/kb) or Markdown (articles split at the top heading
 * level used, # or ##; text before the first heading is an error). Every problem is reported with
 * its line number and nothing is imported unless the whole file is valid.
 */
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppException } from '../../core/errors/app.exception';
import { KnowledgeArticleDto } from './knowledge.dto';

export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
export const IMPORT_MAX_ARTICLES = 2_000;

export interface ImportProblem {
  line: number;
  errors: string[];
}

export function parseKnowledgeFile(filename: string, content: Buffer): KnowledgeArticleDto[] {
  if (content.length > IMPORT_MAX_BYTES) throw new AppException('payload_too_large', `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
  const text = decodeUtf8(content);
  const ext = filename.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  const parsed = ext === 'jsonl' || ext === 'ndjson' ? parseJsonLines(text) : ext === 'md' || ext === 'markdown' ? parseMarkdown(text) : null;
  if (!parsed) throw new AppException('validation_failed', 'Upload a .jsonl or .md file', [{ field: 'file', errors: ['unsupported file type'] }]);
  if (parsed.problems.length) throw new AppException('validation_failed', `The file has ${parsed.problems.length} invalid article(s); nothing was imported`, parsed.problems.slice(0, 50));
  if (parsed.articles.length === 0) throw new AppException('validation_failed', 'The file holds no articles', [{ field: 'file', errors: ['empty'] }]);
  if (parsed.articles.length > IMPORT_MAX_ARTICLES) throw new AppException('validation_failed', `At most ${IMPORT_MAX_ARTICLES} articles per file`, [{ field: 'file', errors: ['too many articles'] }]);
  return parsed.articles;
}

function decodeUtf8(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    throw new AppException('validation_failed', 'The file is not UTF-8 text', [{ field: 'file', errors: ['not UTF-8'] }]);
  }
}

function validateArticle(raw: unknown, line: number, problems: ImportProblem[]): KnowledgeArticleDto | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ line, errors: ['expected a JSON object with title and body'] });
    return null;
  }
  const { title, body, locale, lang, tags } = raw as Record<string, unknown>;
  const dto = plainToInstance(KnowledgeArticleDto, { title, body, locale: locale ?? lang, tags });
  const errors = validateSync(dto, { forbidUnknownValues: false });
  if (errors.length) {
    problems.push({ line, errors: errors.flatMap((e) => Object.values(e.constraints ?? {})) });
    return null;
  }
  return dto;
}

function parseJsonLines(text: string): { articles: KnowledgeArticleDto[]; problems: ImportProblem[] } {
  const articles: KnowledgeArticleDto[] = [];
  const problems: ImportProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      problems.push({ line: i + 1, errors: [`not valid JSON: ${(e as Error).message}`] });
      return;
    }
    const article = validateArticle(value, i + 1, problems);
    if (article) articles.push(article);
  });
  return { articles, problems };
}

function parseMarkdown(text: string): { articles: KnowledgeArticleDto[]; problems: ImportProblem[] } {
  const articles: KnowledgeArticleDto[] = [];
  const problems: ImportProblem[] = [];
  let current: { title: string; line: number; body: string[] } | null = null;
  const flush = () => {
    if (!current) return;
    const article = validateArticle({ title: current.title, body: current.body.join('\n').trim() }, current.line, problems);
    if (article) articles.push(article);
  };
  const lines = text.split(/\r?\n/);
  // Articles start at the top heading level used in the file (# if any, else ##); deeper headings stay inside.
  const level = lines.some((l) => /^#\s+\S/.test(l)) ? 1 : 2;
  const headingPattern = new RegExp(`^#{${level}}\\s+(.+?)\\s*#*\\s*$`);
  lines.forEach((line, i) => {
    const heading = headingPattern.exec(line);
    if (heading) {
      flush();
      current = { title: heading[1], line: i + 1, body: [] };
    } else if (current) {
      current.body.push(line);
    } else if (line.trim()) {
      problems.push({ line: i + 1, errors: ['text before the first heading: start each article with "# Title"'] });
    }
  });
  flush();
  return { articles, problems };
}
