import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MessageContent, QuoteOffer, QuoteRequestDto } from '@parley/shared/contracts';
import { canTransitionQuote } from '@parley/shared/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../../core/audit/audit.service';
import type { AuthAgent } from '../../core/auth/decorators';
import { AppConfig } from '../../core/config/app-config';
import { AppException } from '../../core/errors/app.exception';
import { appendMessage } from '../messages/append-message';
import { MessagesService } from '../messages/messages.service';
import { MailerService } from '../notifications/mailer.service';
import type { SendQuoteDto } from './dto/quote-request.dto';
import { agentActor, auditActor, historyEntry, withBlanksFrom } from './quote-fields';
import { quoteLinks } from './quote-links';
import { renderQuoteMail } from './quote-mail';
import { renderQuotePdf } from './quote-pdf';
import { QUOTE_REQUEST_UPDATED } from './quote-request.events';
import { formatDate, formatMoney, inferQuoteLocale, QUOTE_TEXTS, quoteNumber } from './quote-texts';
import { QuotesService, type QuoteChanges } from './quotes.service';

/**
 * Sending a quote (first or revised): the PDF, the offer and the status move, the email to the
 * contact with the PDF and the signed link, and a message in the conversation that the visitor sees
 * live (and that follow-ups cover). All of it or nothing: a failed email rolls the change back.
 */
@Injectable()
export class QuoteSendingService {
  private readonly logger = new Logger('Quotes');

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly quotes: QuotesService,
    private readonly mailer: MailerService,
    private readonly messages: MessagesService,
    private readonly audit: AuditService,
  ) {}

  async send(agent: AuthAgent, id: string, dto: SendQuoteDto): Promise<QuoteRequestDto> {
    const q = await this.quotes.findVisible(agent, id);
    if (!canTransitionQuote(q.status, 'quoted', 'system')) throw new AppException('invalid_transition', `A quote cannot be sent for a ${q.status} quote request`, { from: q.status, to: 'quoted' });
    const [known]: { name: string | null; company: string | null; email: string | null; phone: string | null; locale: string | null }[] = q.contactId
      ? await this.db.query('SELECT name, company, email, phone, locale FROM contacts WHERE id = $1', [q.contactId])
      : [];
    const contact = withBlanksFrom(q.contact, known ?? {});
    const email = this.mailer.enabled ? contact.email : null;
    if (!email && !q.conversationId) {
      throw new AppException('validation_failed', 'There is nowhere to send this quote: the request has no conversation and no email address (or email is off)', [
        { field: 'contact.email', errors: ['needed when the request has no conversation'] },
      ]);
    }

    const locale = dto.locale ?? q.locale ?? inferQuoteLocale(known?.locale, [contact.name, contact.company, q.notes, ...q.items.map((i) => i.name)]);
    const t = QUOTE_TEXTS[locale];
    const number = quoteNumber(q.displayId);
    const version = q.offerVersion + 1;
    const now = new Date();
    const offer: QuoteOffer = { amount: dto.amount, currency: dto.currency, validUntil: dto.validUntil, message: dto.message?.trim() || null, sentAt: now.toISOString(), sentById: agent.id };
    const links = quoteLinks(this.config, q.id, version, offer.validUntil);
    const amount = formatMoney(offer.amount, offer.currency, locale);
    const [inbox]: { name: string }[] = q.inboxId ? await this.db.query('SELECT name FROM inboxes WHERE id = $1', [q.inboxId]) : [];
    const business = this.config.env.PARLEY_BUSINESS_NAME;
    const { amount: offered, currency, validUntil, message } = offer;
    const pdf = await renderQuotePdf({ locale, business, inboxName: inbox?.name ?? null, displayId: q.displayId, issuedAt: now, contact, items: q.items, amount: offered, currency, validUntil, message, url: links.url });
    const actor = agentActor(agent.id);

    const sent = await this.db.transaction(async (m) => {
      const row = await this.quotes.lock(m, id);
      if (row.offerVersion !== q.offerVersion || row.status !== q.status) throw new AppException('conflict', 'The quote request changed meanwhile; reload it and send again');
      const changes: QuoteChanges = { status: { from: row.status, to: 'quoted' }, offer: { from: row.offer, to: offer } };
      const entries = [historyEntry('quote_sent', actor, { from: row.status, to: 'quoted', note: `${amount}, valid until ${offer.validUntil}` })];
      if (!row.assigneeId) {
        // Whoever sends the quote hears the customer's answer.
        changes['assigneeId'] = { from: null, to: agent.id };
        entries.push(historyEntry('assigned', actor, { note: agent.id }));
        row.assigneeId = agent.id;
      }
      Object.assign(row, { status: 'quoted', offer, offerVersion: version, offerPdf: pdf, locale, respondedAt: null, history: [...row.history, ...entries] });
      await m.save(row);
      await this.audit.record({ actor: auditActor(actor), action: 'quote_request.quote_sent', entityType: 'quote_request', entityId: id, changes: { status: changes['status'], offer: { to: offer } } }, m);

      const content: MessageContent = { quote: { quoteRequestId: id, displayId: row.displayId, amount: offer.amount, currency: offer.currency, validUntil: offer.validUntil, url: links.url, pdfUrl: links.pdfUrl } };
      const message = row.conversationId
        ? await appendMessage(m, {
            conversationId: row.conversationId,
            messageType: 'outgoing',
            senderType: 'agent',
            senderId: agent.id,
            body: `${t.chat(number, amount, formatDate(offer.validUntil, locale))}\n${t.chatOpen}: ${links.url}`,
            content,
          })
        : null;
      // Last, so a failed email undoes the rest and sending again is safe.
      if (email) {
        const mail = renderQuoteMail({ locale, business, displayId: row.displayId, amount, validUntil: offer.validUntil, message: offer.message, url: links.url });
        await this.mailer.send({ to: email, ...mail, attachments: [{ filename: `${number}.pdf`, content: pdf, contentType: 'application/pdf' }] }).catch((e: Error) => {
          this.logger.warn(`the email of quote ${number} could not be sent: ${e.message}`);
          throw new AppException('service_unavailable', 'The quote email could not be sent, so nothing was changed; try again shortly');
        });
      }
      return { message, conversationInbox: row.inboxId, changes };
    });

    if (sent.message && sent.conversationInbox) this.messages.announce(sent.message, sent.conversationInbox);
    return this.quotes.announce(QUOTE_REQUEST_UPDATED, id, sent.changes);
  }
}
