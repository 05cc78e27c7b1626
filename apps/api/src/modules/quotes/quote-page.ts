import type { QuoteContact, QuoteItem, QuoteOffer } from '@parley/shared/contracts';
import type { QuoteRequestStatus } from '@parley/shared/domain';
import { escapeHtml } from '../notifications/mail-templates';
import { formatDate, formatMoney, QUOTE_TEXTS, quoteNumber, type QuoteLocale } from './quote-texts';

export interface QuotePageView {
  locale: QuoteLocale;
  /** The signed token: the page's own links are relative to it. */
  token: string;
  business: string;
  displayId: number;
  status: QuoteRequestStatus;
  contact: QuoteContact;
  items: QuoteItem[];
  offer: QuoteOffer;
  respondedAt: Date | null;
  /** Still quoted and within its validity: the buttons are shown. */
  open: boolean;
}

/** No scripts, no external assets, no framing; only the inline style this response carries and forms back to us. */
export const quotePageCsp = (nonce: string) => `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

const STYLE = `body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans KR',sans-serif;color:#1f2328;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
header{display:flex;justify-content:space-between;align-items:baseline;gap:1rem}h1{font-size:1.5rem;margin:0}h2{font-size:1.125rem;margin:1.5rem 0 .5rem}
.muted{color:#656d76}.status{display:inline-block;padding:.25rem .625rem;border-radius:999px;background:#eaeef2;font-weight:600}
.status.accepted{background:#dafbe1}.status.declined,.status.expired{background:#ffebe9}table{width:100%;border-collapse:collapse}
th,td{text-align:left;padding:.375rem .25rem;border-bottom:1px solid #d0d7de;vertical-align:top}td.n,th.n{text-align:right;white-space:nowrap}
.url{word-break:break-all;color:#656d76;font-size:.875rem}.amount{font-size:1.75rem;font-weight:700;margin:.25rem 0}
.message{white-space:pre-wrap;border-left:3px solid #d0d7de;padding-left:.75rem}.actions{display:flex;gap:.75rem;margin:1.5rem 0}
button{font:inherit;padding:.625rem 1.25rem;border-radius:6px;border:1px solid #d0d7de;background:#f6f8fa;cursor:pointer}
button.accept{background:#1f883d;border-color:#1f883d;color:#fff}.notice{padding:.75rem 1rem;border-radius:6px;background:#f6f8fa}`;

function page(locale: QuoteLocale, title: string, nonce: string, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><style nonce="${nonce}">${STYLE}</style></head><body>${body}</body></html>`;
}

/** The customer's page: the quote, its state, the PDF, and the answer buttons while it is open. Every value is escaped. */
export function renderQuotePage(view: QuotePageView, nonce: string): string {
  const t = QUOTE_TEXTS[view.locale];
  const e = escapeHtml;
  const number = quoteNumber(view.displayId);
  const other: QuoteLocale = view.locale === 'ko' ? 'en' : 'ko';
  const lang = `?lang=${view.locale}`;
  const expiredNow = view.status === 'quoted' && !view.open;
  const status = expiredNow ? 'expired' : view.status;
  const answered = view.respondedAt ? ` <span class="muted">${e(t.answeredOn(formatDate(view.respondedAt, view.locale)))}</span>` : '';
  const notice = status === 'accepted' ? t.thanksAccepted : status === 'declined' ? t.thanksDeclined : status === 'expired' ? t.expiredNote : null;
  const to = [view.contact.name, view.contact.company].filter(Boolean).join(' · ');
  const rows = view.items
    .map(
      (item, i) =>
        `<tr><td>${i + 1}</td><td>${item.name ? e(item.name) : ''}${item.url ? `<div class="url">${e(item.url)}</div>` : ''}</td><td class="n">${e(new Intl.NumberFormat(view.locale === 'ko' ? 'ko-KR' : 'en-US').format(item.quantity))}</td><td class="n">${item.targetUnitPrice === null ? '—' : e(formatMoney(item.targetUnitPrice, item.currency, view.locale))}</td></tr>`,
    )
    .join('');
  const body =
    `<header><h1>${e(view.business)}</h1><a href="?lang=${other}">${e(t.language)}</a></header>` +
    `<h2>${e(t.title)} ${e(number)}</h2>` +
    `<p><span class="status ${status}">${e(t.status[status])}</span>${answered}</p>` +
    (notice ? `<p class="notice">${e(notice)}</p>` : '') +
    (to ? `<p>${e(t.to)}: ${e(to)}</p>` : '') +
    `<table><thead><tr><th>#</th><th>${e(t.item)}</th><th class="n">${e(t.quantity)}</th><th class="n">${e(t.targetPrice)}</th></tr></thead><tbody>${rows}</tbody></table>` +
    `<h2>${e(t.amount)}</h2><p class="amount">${e(formatMoney(view.offer.amount, view.offer.currency, view.locale))}</p>` +
    `<p>${e(t.validUntil)}: ${e(t.validThrough(formatDate(view.offer.validUntil, view.locale)))}</p>` +
    (view.offer.message ? `<h2>${e(t.message)}</h2><p class="message">${e(view.offer.message)}</p>` : '') +
    `<p><a href="${e(view.token)}/pdf">${e(t.pdf)}</a></p>` +
    (view.open
      ? `<div class="actions"><form method="post" action="${e(view.token)}/accept${lang}"><button class="accept" type="submit">${e(t.accept)}</button></form>` +
        `<form method="post" action="${e(view.token)}/decline${lang}"><button type="submit">${e(t.decline)}</button></form></div>`
      : '');
  return page(view.locale, `${t.title} ${number} · ${view.business}`, nonce, body);
}

/** A page that only says something: a bad, expired or replaced link. */
export function renderQuoteNotice(locale: QuoteLocale, business: string, message: string, nonce: string): string {
  return page(locale, business, nonce, `<header><h1>${escapeHtml(business)}</h1></header><p class="notice">${escapeHtml(message)}</p>`);
}
