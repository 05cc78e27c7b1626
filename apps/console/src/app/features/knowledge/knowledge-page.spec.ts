import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { KnowledgeArticleDto } from '@parley/shared/contracts';
import { aSession, anAgent, storeSignedIn } from '../../../testing/fixtures';
import { LOCALE_STORAGE_KEY } from '../../core/i18n/i18n.service';
import { KNOWLEDGE_API } from './knowledge-api';
import { KnowledgePage } from './knowledge-page';

const article: KnowledgeArticleDto = {
  id: 'a-1',
  title: 'Shipping times',
  body: '# Shipping\n\nUS orders take **5-7 days**.\n\n<img src=x onerror=alert(1)>',
  locale: 'en',
  tags: ['shipping'],
  chunkCount: 1,
  usedInDrafts: 12,
  approvedCount: 9,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-02T00:00:00.000Z',
};

describe('KnowledgePage', () => {
  let fixture: ComponentFixture<KnowledgePage>;
  let backend: HttpTestingController;
  let root: HTMLElement;

  async function render(role: 'admin' | 'agent', suggestionsStatus = 200) {
    localStorage.clear();
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    storeSignedIn(aSession({ agent: anAgent({ role }) }));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(KnowledgePage);
    root = fixture.nativeElement;
    await fixture.whenStable();
    backend.expectOne(KNOWLEDGE_API.articles).flush([article]);
    const suggestions = backend.expectOne(KNOWLEDGE_API.suggestions);
    if (suggestionsStatus === 200)
      suggestions.flush([
        {
          draftId: 'd-1',
          question: '관세는 얼마나 나오나요?',
          answer: '150달러 이하는 면세입니다.',
          category: 'customs',
          sentAt: '2026-11-20T00:00:00.000Z',
        },
      ]);
    else
      suggestions.flush(
        { statusCode: 404, code: 'not_found', message: 'nope' },
        { status: 404, statusText: 'Not Found' },
      );
    await fixture.whenStable();
  }

  afterEach(() => {
    backend.verify();
    localStorage.clear();
  });

  const button = (text: string) =>
    Array.from(root.querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === text,
    );

  it('lists articles with their usage counts', async () => {
    await render('agent');
    expect(root.querySelector('.article')!.textContent).toContain(
      'Cited in drafts: 12 · approved: 9',
    );
  });

  it('shows an agent a sanitised preview and no write controls', async () => {
    await render('agent');
    expect(button('New article')).toBeUndefined();
    expect(root.querySelector('input[type="file"]')).toBeNull();
    expect(button('Start an article from this')).toBeUndefined();

    root.querySelector<HTMLButtonElement>('.article')!.click();
    await fixture.whenStable();
    expect(root.querySelector('textarea')).toBeNull();
    const preview = root.querySelector('pl-markdown-view')!;
    expect(preview.querySelector('strong')!.textContent).toBe('5-7 days');
    expect(preview.querySelector('img')).toBeNull();
    expect(preview.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('lets an admin edit and save an article', async () => {
    await render('admin');
    root.querySelector<HTMLButtonElement>('.article')!.click();
    await fixture.whenStable();
    const title = root.querySelector<HTMLInputElement>('#article-title')!;
    title.value = 'Shipping times (US)';
    title.dispatchEvent(new Event('input'));
    button('Save article')!.click();
    const req = backend.expectOne(KNOWLEDGE_API.article('a-1'));
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toMatchObject({
      title: 'Shipping times (US)',
      locale: 'en',
      tags: ['shipping'],
    });
    req.flush({ ...article, title: 'Shipping times (US)' });
    await fixture.whenStable();
    expect(root.textContent).toContain('Saved.');
    expect(root.querySelector('.article-title')!.textContent).toBe(
      'Shipping times (US)',
    );
  });

  it('does not send an article without a title and says why', async () => {
    await render('admin');
    button('New article')!.click();
    await fixture.whenStable();
    button('Save article')!.click();
    await fixture.whenStable();
    expect(root.querySelector('#article-title-error')!.textContent).toContain(
      'Enter a title.',
    );
    expect(
      root.querySelector('#article-title')!.getAttribute('aria-invalid'),
    ).toBe('true');
  });

  it('pre-fills a new article from a suggested reply', async () => {
    await render('admin');
    button('Start an article from this')!.click();
    await fixture.whenStable();
    expect(root.querySelector<HTMLInputElement>('#article-title')!.value).toBe(
      '관세는 얼마나 나오나요?',
    );
    expect(
      root.querySelector<HTMLTextAreaElement>('#article-body')!.value,
    ).toBe('150달러 이하는 면세입니다.');
  });

  it('uploads an import file as multipart field "file" and lists per-line errors', async () => {
    await render('admin');
    const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = new File(['{"title":""}\nnot json\n'], 'faq.jsonl', {
      type: 'application/x-ndjson',
    });
    Object.defineProperty(input, 'files', {
      value: [file],
      configurable: true,
    });
    input.dispatchEvent(new Event('change'));

    const req = backend.expectOne(KNOWLEDGE_API.import);
    expect(req.request.method).toBe('POST');
    expect((req.request.body as FormData).get('file')).toBeInstanceOf(File);
    req.flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'The file has 2 invalid article(s); nothing was imported',
        details: [
          {
            line: 1,
            errors: ['title must be longer than or equal to 1 characters'],
          },
          { line: 2, errors: ['not valid JSON'] },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const alert = root.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('nothing was imported');
    expect(alert.querySelectorAll('.problems li').length).toBe(2);
    expect(alert.textContent).toContain('Line 2:');
  });

  it('runs a test search and shows the hits', async () => {
    await render('agent', 404);
    expect(root.textContent).toContain(
      'This server does not suggest articles yet.',
    );
    const q = root.querySelector<HTMLInputElement>('#knowledge-search')!;
    q.value = '배송 언제 와요?';
    q.dispatchEvent(new Event('input'));
    button('Search')!.click();
    const req = backend.expectOne((r) => r.url === KNOWLEDGE_API.search);
    expect(req.request.params.get('q')).toBe('배송 언제 와요?');
    req.flush({
      query: '배송 언제 와요?',
      answerability: 0.8,
      hits: [
        {
          sourceId: 'a-1',
          kind: 'article',
          title: 'Shipping times',
          text: 'US orders take 5-7 days.',
          score: 3.2,
          relevance: 0.9,
        },
      ],
    });
    await fixture.whenStable();
    expect(root.textContent).toContain('Answerability 80%');
    expect(root.querySelector('.hits')!.textContent).toContain(
      'US orders take 5-7 days.',
    );
  });
});
