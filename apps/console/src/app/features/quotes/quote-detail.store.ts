import { HttpErrorResponse } from '@angular/common/http';
import { DOCUMENT, DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { QUOTE_LIMITS, type QuoteRequestDto, type UpdateQuoteRequest } from '@parley/shared/contracts';
import { canSendQuote, canTransitionQuote, type QuoteRequestStatus } from '@parley/shared/domain';
import { Subscription, firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { apiFieldIssues } from '../../core/http/api-error';
import type { MessageKey } from '../../core/i18n/messages';
import { AgentRealtime } from '../../core/realtime/agent-realtime';
import {
  QuoteEditForm,
  SendQuoteForm,
  emptyItem,
  quoteEditErrorCount,
  quoteEditForm,
  quoteEditServerErrors,
  quoteUpdateRequest,
  sendQuoteForm,
  sendQuoteRequest,
  sendServerErrors,
  validateQuoteEdit,
  validateSendQuote,
} from './quote-form';
import { agentMoves, quoteErrorKey } from './quote-status';
import { QuotesApi } from './quotes-api';

export type QuoteLoadState = 'loading' | 'ready' | 'notFound' | 'failed';

/** Which call is on its way; one at a time. */
export type QuoteBusy = 'fields' | 'status' | 'assign' | 'confirm' | 'send' | null;

export interface QuoteNotice {
  ok: boolean;
  key: MessageKey;
  /** Problems the API named that have no field on the page. */
  details?: readonly string[];
}

/**
 * One quote request: its editable fields, the moves and actions its status allows, sending a quote
 * and its PDF, and live updates. Provided by the detail page.
 */
@Injectable()
export class QuoteDetailStore {
  readonly #api = inject(QuotesApi);
  readonly #auth = inject(AuthService);
  readonly #realtime = inject(AgentRealtime);
  readonly #document = inject(DOCUMENT);
  readonly #destroyRef = inject(DestroyRef);
  /** The date forms count from; a function so tests can fix it. */
  today: () => Date = () => new Date();

  readonly #id = signal<string | null>(null);
  readonly #state = signal<QuoteLoadState>('loading');
  readonly #quote = signal<QuoteRequestDto | null>(null);
  readonly #form = signal<QuoteEditForm | null>(null);
  readonly #formSubmitted = signal(false);
  readonly #formServerErrors = signal<Record<string, string>>({});
  readonly #sendForm = signal<SendQuoteForm | null>(null);
  readonly #sendSubmitted = signal(false);
  readonly #sendServerErrors = signal<Partial<Record<keyof SendQuoteForm, string>>>({});
  readonly #busy = signal<QuoteBusy>(null);
  readonly #notice = signal<QuoteNotice | null>(null);
  readonly #sendNotice = signal<QuoteNotice | null>(null);
  readonly #changedElsewhere = signal(false);
  readonly #pdfUrl = signal<string | null>(null);
  readonly #pdfLoading = signal(false);
  readonly #pdfError = signal<MessageKey | null>(null);
  #load: Subscription | null = null;

  readonly id = this.#id.asReadonly();
  readonly state = this.#state.asReadonly();
  readonly quote = this.#quote.asReadonly();
  readonly form = this.#form.asReadonly();
  readonly busy = this.#busy.asReadonly();
  readonly notice = this.#notice.asReadonly();
  readonly sendNotice = this.#sendNotice.asReadonly();
  /** The request changed on the server while the agent was editing; their edits were kept. */
  readonly changedElsewhere = this.#changedElsewhere.asReadonly();
  readonly sendForm = this.#sendForm.asReadonly();
  readonly pdfUrl = this.#pdfUrl.asReadonly();
  readonly pdfLoading = this.#pdfLoading.asReadonly();
  readonly pdfError = this.#pdfError.asReadonly();

  readonly meId = computed(() => this.#auth.agent()?.id ?? null);
  /** Status moves the agent may make by hand, by the shared rules. */
  readonly moves = computed<QuoteRequestStatus[]>(() => {
    const quote = this.#quote();
    return quote ? agentMoves(quote.status) : [];
  });
  /** An accepted request is settled: the API refuses edits to it. */
  readonly editable = computed(() => this.#quote()?.status !== 'accepted');
  readonly canSend = computed(() => {
    const quote = this.#quote();
    return !!quote && canSendQuote(quote.status);
  });
  readonly dirty = computed(() => {
    const quote = this.#quote();
    const form = this.#form();
    return !!quote && !!form && Object.keys(quoteUpdateRequest(form, quote)).length > 0;
  });
  readonly formErrors = computed(() => {
    const form = this.#form();
    return form && this.#formSubmitted() ? validateQuoteEdit(form) : { item: {} };
  });
  /** The API's words for a field, by path (`items.0.quantity`, `deadline`...), until the field is edited. */
  readonly formServerErrors = this.#formServerErrors.asReadonly();
  readonly sendErrors = computed(() => {
    const form = this.#sendForm();
    return form && this.#sendSubmitted() ? validateSendQuote(form, this.today()) : {};
  });
  readonly sendServerErrors = this.#sendServerErrors.asReadonly();

  constructor() {
    this.#realtime
      .on('quote_request.updated')
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe(({ quoteRequest }) => {
        if (quoteRequest.id === this.#id() && this.#state() === 'ready' && this.#busy() === null) this.#setQuote(quoteRequest);
      });
    let seen = this.#realtime.resyncs();
    effect(() => {
      const resyncs = this.#realtime.resyncs();
      if (resyncs === seen) return;
      seen = resyncs;
      untracked(() => this.#refresh());
    });
    this.#destroyRef.onDestroy(() => {
      this.#load?.unsubscribe();
      this.#revokePdf();
    });
  }

  load(id: string): void {
    if (id === this.#id()) return;
    this.#load?.unsubscribe();
    this.#revokePdf();
    this.#id.set(id);
    this.#state.set('loading');
    this.#quote.set(null);
    this.#form.set(null);
    this.#sendForm.set(null);
    this.#notice.set(null);
    this.#sendNotice.set(null);
    this.#pdfError.set(null);
    this.#load = this.#api.get(id).subscribe({
      next: (quote) => {
        this.#setQuote(quote, true);
        this.#state.set('ready');
      },
      error: (error: unknown) => {
        const missing = error instanceof HttpErrorResponse && (error.status === 404 || error.status === 400);
        this.#state.set(missing ? 'notFound' : 'failed');
      },
    });
  }

  // ---- Fields ----

  patchForm(patch: Partial<QuoteEditForm>): void {
    this.#form.update((f) => (f ? { ...f, ...patch } : f));
    this.#clearServerErrors(Object.keys(patch));
  }

  patchContact(patch: Partial<QuoteEditForm['contact']>): void {
    this.#form.update((f) => (f ? { ...f, contact: { ...f.contact, ...patch } } : f));
    this.#clearServerErrors(['contact.email']);
  }

  patchItem(index: number, patch: Partial<QuoteEditForm['items'][number]>): void {
    this.#form.update((f) => (f ? { ...f, items: f.items.map((item, i) => (i === index ? { ...item, ...patch } : item)) } : f));
    this.#clearServerErrors(Object.keys(patch).map((k) => `items.${index}.${k}`));
  }

  addItem(): void {
    this.#form.update((f) => {
      if (!f || f.items.length >= QUOTE_LIMITS.items) return f;
      return { ...f, items: [...f.items, emptyItem(f.items[f.items.length - 1]?.currency)] };
    });
  }

  removeItem(index: number): void {
    this.#form.update((f) => (f ? { ...f, items: f.items.filter((_, i) => i !== index) } : f));
    // Item paths shift; what the API said about them no longer points at the right row.
    this.#formServerErrors.update((all) => Object.fromEntries(Object.entries(all).filter(([path]) => !path.startsWith('items'))));
  }

  /** Back to the request as stored. */
  resetForm(): void {
    const quote = this.#quote();
    if (quote) this.#form.set(quoteEditForm(quote));
    this.#formSubmitted.set(false);
    this.#formServerErrors.set({});
    this.#changedElsewhere.set(false);
  }

  async saveFields(): Promise<boolean> {
    const quote = this.#quote();
    const form = this.#form();
    if (!quote || !form || this.#busy()) return false;
    this.#formSubmitted.set(true);
    if (quoteEditErrorCount(validateQuoteEdit(form))) {
      this.#notice.set({ ok: false, key: 'quotes.error.fixFields' });
      return false;
    }
    const changes = quoteUpdateRequest(form, quote);
    if (!Object.keys(changes).length) return true;
    const saved = await this.#patch('fields', changes, 'quotes.detail.saved');
    if (saved) {
      this.#formSubmitted.set(false);
      this.#changedElsewhere.set(false);
    }
    return saved;
  }

  // ---- Status, assignment, confirmation ----

  async moveTo(status: QuoteRequestStatus): Promise<boolean> {
    const quote = this.#quote();
    if (!quote || !canTransitionQuote(quote.status, status, 'agent')) return false;
    return this.#patch('status', { status }, 'quotes.detail.statusChanged');
  }

  async assign(agentId: string | null): Promise<boolean> {
    const quote = this.#quote();
    if (!quote || quote.assigneeId === agentId) return false;
    return this.#patch('assign', { assigneeId: agentId }, 'quotes.detail.assigned');
  }

  assignToMe(): Promise<boolean> {
    return this.assign(this.meId());
  }

  /** Confirms an AI proposal: it becomes a request like any other. */
  async confirm(): Promise<boolean> {
    if (!this.#quote()?.proposed) return false;
    return this.#patch('confirm', { confirm: true }, 'quotes.detail.confirmed');
  }

  // ---- Sending a quote ----

  patchSend(patch: Partial<SendQuoteForm>): void {
    this.#sendForm.update((f) => (f ? { ...f, ...patch } : f));
    this.#sendServerErrors.update((all) => Object.fromEntries(Object.entries(all).filter(([k]) => !(k in patch))));
    this.#sendNotice.set(null);
  }

  async send(): Promise<boolean> {
    const quote = this.#quote();
    const form = this.#sendForm();
    if (!quote || !form || this.#busy() || !canSendQuote(quote.status)) return false;
    this.#sendSubmitted.set(true);
    if (Object.keys(validateSendQuote(form, this.today())).length) return false;
    this.#busy.set('send');
    this.#sendNotice.set(null);
    try {
      const sent = await firstValueFrom(this.#api.send(quote.id, sendQuoteRequest(form)));
      this.#revokePdf();
      if (sent && typeof sent === 'object' && sent.id === quote.id) this.#setQuote(sent, true);
      else this.#refresh();
      this.#sendSubmitted.set(false);
      this.#sendNotice.set({ ok: true, key: 'quotes.send.sent' });
      return true;
    } catch (error) {
      const { errors, other } = sendServerErrors(apiFieldIssues(error));
      this.#sendServerErrors.set(errors);
      this.#sendNotice.set({ ok: false, key: quoteErrorKey(error), details: other });
      if (quoteErrorKey(error) === 'quotes.error.invalidTransition') this.#refresh();
      return false;
    } finally {
      this.#busy.set(null);
    }
  }

  /** Fetches the sent quote's PDF with the agent's token and opens it in a new tab (a link stays for a blocked pop-up). */
  async openPdf(): Promise<void> {
    const id = this.#id();
    if (!id || this.#pdfLoading()) return;
    const view = this.#document.defaultView;
    const existing = this.#pdfUrl();
    if (existing) {
      view?.open(existing, '_blank');
      return;
    }
    this.#pdfLoading.set(true);
    this.#pdfError.set(null);
    try {
      const blob = await firstValueFrom(this.#api.pdf(id));
      if (id !== this.#id()) return;
      const url = URL.createObjectURL(blob);
      this.#pdfUrl.set(url);
      view?.open(url, '_blank');
    } catch (error) {
      this.#pdfError.set(quoteErrorKey(error));
    } finally {
      this.#pdfLoading.set(false);
    }
  }

  // ---- Internals ----

  async #patch(busy: Exclude<QuoteBusy, null>, changes: UpdateQuoteRequest, okKey: MessageKey): Promise<boolean> {
    const quote = this.#quote();
    if (!quote || this.#busy()) return false;
    this.#busy.set(busy);
    this.#notice.set(null);
    try {
      const saved = await firstValueFrom(this.#api.update(quote.id, changes));
      // Saving fields resets the form to what was stored; other actions keep edits in progress.
      this.#setQuote(saved, busy === 'fields');
      this.#notice.set({ ok: true, key: okKey });
      return true;
    } catch (error) {
      const key = quoteErrorKey(error);
      if (busy === 'fields') {
        const { errors, other } = quoteEditServerErrors(apiFieldIssues(error));
        this.#formServerErrors.set(errors);
        this.#notice.set({ ok: false, key, details: other });
      } else {
        this.#notice.set({ ok: false, key });
      }
      // The request moved on meanwhile (another agent, the customer, the expiry): show it as it is now.
      if (key === 'quotes.error.invalidTransition' || key === 'quotes.error.conflict') this.#refresh();
      return false;
    } finally {
      this.#busy.set(null);
    }
  }

  /**
   * A new state of the request. The edit form follows it unless the agent has unsaved edits (then a
   * notice says it changed); the send form is prepared whenever a quote can be sent.
   */
  #setQuote(quote: QuoteRequestDto, resetForm = false): void {
    const wasDirty = this.dirty();
    this.#quote.set(quote);
    if (resetForm || !wasDirty || !this.#form()) {
      this.#form.set(quoteEditForm(quote));
      this.#formServerErrors.set({});
    } else {
      this.#changedElsewhere.set(true);
    }
    if (resetForm || !this.#sendForm()) this.#sendForm.set(sendQuoteForm(quote, this.today()));
  }

  #refresh(): void {
    const id = this.#id();
    if (!id || this.#state() !== 'ready') return;
    this.#api
      .get(id)
      .pipe(takeUntilDestroyed(this.#destroyRef))
      .subscribe({ next: (quote) => id === this.#id() && this.#setQuote(quote), error: () => undefined });
  }

  #clearServerErrors(paths: readonly string[]): void {
    if (!Object.keys(this.#formServerErrors()).length) return;
    this.#formServerErrors.update((all) => Object.fromEntries(Object.entries(all).filter(([p]) => !paths.some((x) => p === x || p.startsWith(`${x}.`)))));
  }

  #revokePdf(): void {
    const url = this.#pdfUrl();
    if (url) URL.revokeObjectURL(url);
    this.#pdfUrl.set(null);
  }
}
