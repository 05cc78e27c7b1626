import { HttpErrorResponse } from '@angular/common/http';
import { importProblems } from './knowledge-api';
import {
  EMPTY_ARTICLE,
  articleRequest,
  draftFromSuggestion,
  parseTags,
  validateArticle,
} from './article-form';

describe('article form', () => {
  it('requires a title and a body', () => {
    expect(validateArticle(EMPTY_ARTICLE)).toEqual({
      title: 'knowledge.error.titleRequired',
      body: 'knowledge.error.bodyRequired',
    });
    expect(
      validateArticle({ ...EMPTY_ARTICLE, title: '  ', body: 'x' }).title,
    ).toBe('knowledge.error.titleRequired');
  });

  it('checks the limits the API enforces', () => {
    const ok = { title: 'Shipping', body: 'Text', locale: 'ko', tags: 'a, b' };
    expect(validateArticle(ok)).toEqual({});
    expect(validateArticle({ ...ok, title: 'x'.repeat(301) }).title).toBe(
      'knowledge.error.titleTooLong',
    );
    expect(validateArticle({ ...ok, locale: 'korean' }).locale).toBe(
      'knowledge.error.locale',
    );
    expect(validateArticle({ ...ok, locale: 'en-US' }).locale).toBeUndefined();
    expect(
      validateArticle({
        ...ok,
        tags: Array.from({ length: 21 }, (_, i) => `t${i}`).join(','),
      }).tags,
    ).toBe('knowledge.error.tags');
  });

  it('builds the request: trimmed title, tags split and de-duplicated, empty locale as null', () => {
    expect(
      articleRequest({
        title: ' Returns ',
        body: 'Body\n',
        locale: '',
        tags: 'refund, return ,refund,,',
      }),
    ).toEqual({
      title: 'Returns',
      body: 'Body\n',
      locale: null,
      tags: ['refund', 'return'],
    });
    expect(parseTags('')).toEqual([]);
  });

  it('pre-fills a new article from a suggested reply', () => {
    expect(
      draftFromSuggestion({
        draftId: 'd1',
        question: '관세는 얼마나 나오나요?\n주문번호 PH-1',
        answer: ' 150달러 이하는 관세가 없습니다. ',
        category: 'customs',
        sentAt: '2026-11-20T00:00:00.000Z',
      }),
    ).toEqual({
      title: '관세는 얼마나 나오나요?',
      body: '150달러 이하는 관세가 없습니다.',
      locale: 'ko',
      tags: 'customs',
    });
    const long = draftFromSuggestion({
      draftId: 'd2',
      question: 'q'.repeat(200),
      answer: 'Yes',
      category: null,
      sentAt: '',
    });
    expect(long.title.length).toBe(120);
    expect(long).toMatchObject({ locale: 'en', tags: '' });
  });
});

describe('importProblems', () => {
  const rejected = (details: unknown) =>
    new HttpErrorResponse({
      status: 400,
      error: {
        statusCode: 400,
        code: 'validation_failed',
        message: 'bad',
        details,
      },
    });

  it('lists the per-line errors of a rejected import', () => {
    expect(
      importProblems(
        rejected([
          { line: 2, errors: ['not valid JSON: Unexpected token'] },
          {
            line: 5,
            errors: [
              'title must be longer than or equal to 1 characters',
              'body should not be empty',
            ],
          },
        ]),
      ),
    ).toEqual([
      { line: 2, errors: ['not valid JSON: Unexpected token'] },
      {
        line: 5,
        errors: [
          'title must be longer than or equal to 1 characters',
          'body should not be empty',
        ],
      },
    ]);
  });

  it('keeps file-level problems without a line, and ignores malformed details', () => {
    expect(
      importProblems(
        rejected([
          { field: 'file', errors: ['unsupported file type'] },
          'junk',
          { line: 1 },
        ]),
      ),
    ).toEqual([{ line: null, errors: ['unsupported file type'] }]);
    expect(importProblems(rejected(undefined))).toEqual([]);
    expect(importProblems(new Error('network'))).toEqual([]);
  });
});
