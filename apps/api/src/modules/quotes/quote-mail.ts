import { escapeHtml, layout, link } from '../notifications/mail-templates';
import { formatDate, QUOTE_TEXTS, quoteNumber, type QuoteLocale } from './quote-texts';

export interface QuoteMailInput {
  locale: QuoteLocale;
  business: string;
  displayId: number;
  /** Already formatted for the locale. */
  amount: string;
  validUntil: string;
  message: string | null;
  url: string;
}

/** The email that carries the quote PDF. The agent's message goes only into the body (escaped in HTML); the subject is built from the business name and the number. */
export function renderQuoteMail(input: QuoteMailInput): { subject: string; text: string; html: string } {
  const t = QUOTE_TEXTS[input.locale];
  const number = quoteNumber(input.displayId);
  const until = formatDate(input.validUntil, input.locale);
  const summary = `${t.amount}: ${input.amount}\n${t.validUntil}: ${t.validThrough(until)}`;
  const message = input.message?.trim() || null;
  const text = [t.mailIntro(input.business, number), '', summary, '', ...(message ? [message, ''] : []), `${t.mailOpen}: ${input.url}`, ''].join('\n');
  const html = layout(
    `<p>${escapeHtml(t.mailIntro(input.business, number))}</p>` +
      `<p><strong>${escapeHtml(t.amount)}: ${escapeHtml(input.amount)}</strong><br>${escapeHtml(t.validUntil)}: ${escapeHtml(t.validThrough(until))}</p>` +
      (message ? `<p style="white-space:pre-wrap;border-left:3px solid #d0d7de;padding-left:12px">${escapeHtml(message)}</p>` : '') +
      `<p>${link(input.url, t.mailOpen)}</p>`,
  );
  return { subject: t.mailSubject(input.business, number), text, html };
}
