import type { QuoteRequestStatus } from '@parley/shared/domain';

/** What the customer reads (PDF, email, the signed page, the chat message) is in Korean or English. */
export type QuoteLocale = 'ko' | 'en';

export const DEFAULT_QUOTE_CURRENCY = 'KRW';

export const quoteNumber = (displayId: number) => `Q-${displayId}`;

/** "₩1,250,000", "US$1,200.50" / "$1,200.50": the locale's own way of writing the amount. */
export function formatMoney(amount: number, currency: string, locale: QuoteLocale): string {
  try {
    return new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** "2026년 3월 31일" / "March 31, 2026" for a YYYY-MM-DD date or an instant (read in UTC). */
export function formatDate(date: string | Date, locale: QuoteLocale): string {
  const at = typeof date === 'string' ? new Date(`${date}T00:00:00Z`) : date;
  return new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(at);
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real YYYY-MM-DD date (not 2026-02-30). */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && CALENDAR_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/** Today in UTC: an offer is valid through its `validUntil` day and expires once UTC has moved past it. */
export const todayUtc = (now = Date.now()) => new Date(now).toISOString().slice(0, 10);

/** The earliest date that is still "today" somewhere (UTC-12): a customer's own today is never refused as past. */
export const earliestToday = (now = Date.now()) => new Date(now - 12 * 3_600_000).toISOString().slice(0, 10);

const HANGUL = /[\uAC00-\uD7A3]/;

/** The contact's locale when known, else Korean when they wrote any Hangul, else English. */
export function inferQuoteLocale(contactLocale: string | null | undefined, texts: Array<string | null | undefined>): QuoteLocale {
  if (contactLocale) return contactLocale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
  return texts.some((t) => t && HANGUL.test(t)) ? 'ko' : 'en';
}

export const QUOTE_TEXTS = {
  ko: {
    title: '견적서',
    number: '견적 번호',
    issued: '발행일',
    to: '받는 분',
    item: '품목',
    quantity: '수량',
    targetPrice: '희망 단가',
    amount: '견적 금액',
    validUntil: '유효기간',
    validThrough: (date: string) => `${date}까지`,
    message: '담당자 메시지',
    respond: '아래 링크에서 견적을 확인하고 수락 또는 거절해 주세요.',
    pdf: '견적서 PDF 내려받기',
    accept: '견적 수락',
    decline: '견적 거절',
    mailSubject: (business: string, number: string) => `[${business}] 견적서 ${number}`,
    mailIntro: (business: string, number: string) => `${business}에서 요청하신 견적(${number})을 보내드립니다. 견적서 PDF를 첨부했습니다.`,
    mailOpen: '견적 확인하고 답변하기',
    chat: (number: string, amount: string, until: string) => `견적서 ${number}를 보내드렸습니다: ${amount} (${until}까지 유효).`,
    chatOpen: '확인하고 답변하기',
    status: {
      new: '접수됨',
      in_review: '검토 중',
      quoted: '답변을 기다리는 중',
      accepted: '수락하셨습니다',
      declined: '거절하셨습니다',
      expired: '유효기간이 지났습니다',
    } satisfies Record<QuoteRequestStatus, string>,
    answeredOn: (date: string) => `(${date})`,
    thanksAccepted: '견적을 수락해 주셔서 감사합니다. 담당자가 곧 연락드리겠습니다.',
    thanksDeclined: '답변 감사합니다. 견적을 거절하신 것으로 기록했습니다.',
    expiredNote: '이 견적의 유효기간이 지났습니다. 새 견적이 필요하시면 문의해 주세요.',
    invalidLink: '유효하지 않은 링크입니다.',
    expiredLink: '링크의 사용 기간이 지났습니다.',
    supersededLink: '새 견적서가 발송되어 이 링크는 더 이상 사용할 수 없습니다. 가장 최근 이메일의 링크를 이용해 주세요.',
    language: 'English',
  },
  en: {
    title: 'Quotation',
    number: 'Quote no.',
    issued: 'Issued',
    to: 'To',
    item: 'Item',
    quantity: 'Qty',
    targetPrice: 'Target unit price',
    amount: 'Quoted amount',
    validUntil: 'Valid until',
    validThrough: (date: string) => date,
    message: 'Message from our team',
    respond: 'Review the quote and accept or decline it here:',
    pdf: 'Download the quote (PDF)',
    accept: 'Accept quote',
    decline: 'Decline quote',
    mailSubject: (business: string, number: string) => `[${business}] Quote ${number}`,
    mailIntro: (business: string, number: string) => `${business} has prepared the quote you asked for (${number}). The quote is attached as a PDF.`,
    mailOpen: 'Review and answer the quote',
    chat: (number: string, amount: string, until: string) => `We sent you quote ${number}: ${amount}, valid until ${until}.`,
    chatOpen: 'Review and answer',
    status: {
      new: 'Received',
      in_review: 'In review',
      quoted: 'Waiting for your answer',
      accepted: 'You accepted this quote',
      declined: 'You declined this quote',
      expired: 'This quote has expired',
    } satisfies Record<QuoteRequestStatus, string>,
    answeredOn: (date: string) => `(${date})`,
    thanksAccepted: 'Thank you for accepting the quote. We will be in touch shortly.',
    thanksDeclined: 'Thank you for letting us know. We recorded that you declined the quote.',
    expiredNote: 'This quote is past its validity date. Contact us if you would like a new one.',
    invalidLink: 'This link is not valid.',
    expiredLink: 'This link has expired.',
    supersededLink: 'A newer quote has been sent, so this link no longer works. Please use the link in the most recent email.',
    language: '한국어',
  },
} as const;
