import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canTransitionQuote } from '@parley/shared/domain';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service';
import { AppConfig } from '../../core/config/app-config';
import { appendMessage } from '../messages/append-message';
import { MessagesService } from '../messages/messages.service';
import { QuoteExpiryService, isPastOffer } from './quote-expiry.service';
import { auditActor, CUSTOMER, historyEntry } from './quote-fields';
import { verifyQuoteLinkToken } from './quote-link-token';
import { quotePageCsp, renderQuoteNotice, renderQuotePage } from './quote-page';
import type { QuoteRequest } from './quote-request.entity';
import { QUOTE_REQUEST_UPDATED } from './quote-request.events';
import { QUOTE_TEXTS, quoteNumber, type QuoteLocale } from './quote-texts';
import { QuotesService, type QuoteChanges } from './quotes.service';

export type QuoteAnswer = 'accepted' | 'declined';

/** What the controller sends: a page (with its CSP), a PDF, or a redirect back to the page. */
export type QuoteLinkResponse =
  | { kind: 'page'; status: number; html: string; csp: string }
  | { kind: 'pdf'; filename: string; pdf: Buffer }
  | { kind: 'redirect'; location: string };

type Resolved = { ok: true; q: QuoteRequest; token: string } | { ok: false; status: number; message: keyof Pick<(typeof QUOTE_TEXTS)['en'], 'invalidLink' | 'expiredLink' | 'supersededLink'> };

export const pickLocale = (lang: unknown): QuoteLocale | undefined => (lang === 'ko' || lang === 'en' ? lang : undefined);

/**
 * The customer's side of a sent quote, behind the signed link: view it, download the PDF, accept or
 * decline. Reading never changes anything (mail scanners open links); answering is a POST, only
 * from `quoted`, only for the latest offer, and within its validity.
 */
@Injectable()
export class QuoteAnswersService {
  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly quotes: QuotesService,
    private readonly expiry: QuoteExpiryService,
    private readonly messages: MessagesService,
    private readonly audit: AuditService,
  ) {}

  async view(token: unknown, lang?: QuoteLocale): Promise<QuoteLinkResponse> {
    const r = await this.resolve(token);
    if (!r.ok) return this.notice(r.status, r.message, lang);
    return this.page(200, r.q, r.token, lang);
  }

  async pdf(token: unknown, lang?: QuoteLocale): Promise<QuoteLinkResponse> {
    const r = await this.resolve(token);
    if (!r.ok) return this.notice(r.status, r.message, lang);
    const pdf = await this.quotes.storedPdf(r.q.id);
    if (!pdf) return this.notice(404, 'invalidLink', lang);
    return { kind: 'pdf', filename: `${quoteNumber(r.q.displayId)}.pdf`, pdf };
  }

  /**
   * Accepts or declines the link's offer. A second answer, or an answer to a request that is no
   * longer quoted, changes nothing and shows how it ended (409); past its validity the offer expires.
   */
  async answer(token: unknown, answer: QuoteAnswer, lang?: QuoteLocale): Promise<QuoteLinkResponse> {
    const r = await this.resolve(token);
    if (!r.ok) return this.notice(r.status, r.message, lang);
    const id = r.q.id;
    const outcome = await this.db.transaction(async (m) => {
      const q = await this.quotes.lock(m, id);
      if (q.offerVersion !== r.q.offerVersion) return { kind: 'superseded' as const };
      if (isPastOffer(q)) return { kind: 'expired' as const, q, done: await this.expiry.expireLocked(m, q) };
      if (q.status !== 'quoted' || !canTransitionQuote(q.status, answer, 'customer')) return { kind: 'final' as const, q };
      const changes: QuoteChanges = { status: { from: q.status, to: answer } };
      q.history = [...q.history, historyEntry('status', CUSTOMER, { from: q.status, to: answer })];
      q.status = answer;
      q.respondedAt = new Date();
      await m.save(q);
      await this.audit.record({ actor: auditActor(CUSTOMER), action: 'quote_request.status_changed', entityType: 'quote_request', entityId: id, changes }, m);
      const note = q.conversationId
        ? await appendMessage(m, { conversationId: q.conversationId, messageType: 'activity', senderType: 'system', senderId: null, body: `The customer ${answer} quote ${quoteNumber(q.displayId)}` })
        : null;
      return { kind: 'answered' as const, q, changes, note };
    });

    switch (outcome.kind) {
      case 'superseded':
        return this.notice(410, 'supersededLink', lang);
      case 'expired':
        await this.expiry.announce(outcome.done, id);
        return this.page(409, outcome.q, r.token, lang);
      case 'final':
        return this.page(409, outcome.q, r.token, lang);
      case 'answered':
        if (outcome.note && outcome.q.inboxId) this.messages.announce(outcome.note, outcome.q.inboxId);
        await this.quotes.announce(QUOTE_REQUEST_UPDATED, id, outcome.changes);
        // Back to the page (POST, redirect, GET): a reload does not post again.
        return { kind: 'redirect', location: `../${r.token}${lang ? `?lang=${lang}` : ''}` };
    }
  }

  /** The token's request, if the token is genuine, unexpired and for its latest offer. */
  private async resolve(token: unknown): Promise<Resolved> {
    const v = verifyQuoteLinkToken(this.config.jwtSecret, token);
    if (!v.ok) return { ok: false, status: v.reason === 'expired' ? 410 : 404, message: v.reason === 'expired' ? 'expiredLink' : 'invalidLink' };
    const q = await this.quotes.findById(v.claims.quoteRequestId);
    if (!q?.offer) return { ok: false, status: 404, message: 'invalidLink' };
    if (q.offerVersion !== v.claims.offerVersion) return { ok: false, status: 410, message: 'supersededLink' };
    return { ok: true, q, token: String(token) };
  }

  private page(status: number, q: QuoteRequest, token: string, lang?: QuoteLocale): QuoteLinkResponse {
    if (!q.offer) return this.notice(404, 'invalidLink', lang);
    const nonce = randomBytes(16).toString('base64');
    const locale = lang ?? q.locale ?? 'ko';
    const html = renderQuotePage(
      {
        locale,
        token,
        business: this.config.env.PARLEY_BUSINESS_NAME,
        displayId: q.displayId,
        status: q.status,
        contact: q.contact,
        items: q.items,
        offer: q.offer,
        respondedAt: q.respondedAt,
        open: q.status === 'quoted' && !isPastOffer(q),
      },
      nonce,
    );
    return { kind: 'page', status, html, csp: quotePageCsp(nonce) };
  }

  private notice(status: number, message: Extract<Resolved, { ok: false }>['message'], lang?: QuoteLocale): QuoteLinkResponse {
    const nonce = randomBytes(16).toString('base64');
    const locale = lang ?? 'ko';
    return { kind: 'page', status, html: renderQuoteNotice(locale, this.config.env.PARLEY_BUSINESS_NAME, QUOTE_TEXTS[locale][message], nonce), csp: quotePageCsp(nonce) };
  }
}
