/**
 * Fixed phrasing of offline drafts, per language and category. Everything factual in a draft comes from
 * quoted sources; these strings only open, frame and close the reply.
 */
import type { Language } from '../../../ports';

export interface DraftPhrases {
  greeting: string;
  intro: (category?: string) => string;
  sourcesLabel: string;
  followUp: string;
  handoff: string;
  injectionHandoff: string;
  closing: (business: string) => string;
  inShort: string;
}

const KO_INTRO: Record<string, string> = {
  order: '문의하신 구매 건 관련해 안내드립니다.',
  shipping: '문의하신 배송 관련 내용 안내드립니다.',
  b2b_quote: '기업 견적 관련 문의 감사합니다. 관련 기준을 안내드립니다.',
  payment: '결제 관련 문의 주셔서 안내드립니다.',
  return_refund: '반품·환불 관련 내용 안내드립니다.',
  general: '문의하신 내용 안내드립니다.',
};

const EN_INTRO: Record<string, string> = {
  order: 'Here is how this works for purchase requests.',
  shipping: 'Here is the information on your shipping question.',
  b2b_quote: 'Thank you for your business enquiry. Here are the relevant terms.',
  payment: 'Here is the information on your payment question.',
  return_refund: 'Here is how returns and refunds work in this case.',
  general: 'Here is the information you asked about.',
};

export const PHRASES: Record<'ko' | 'en', DraftPhrases> = {
  ko: {
    greeting: '안녕하세요, 고객님.',
    intro: (category) => KO_INTRO[category ?? ''] ?? KO_INTRO['general'],
    sourcesLabel: '참고',
    followUp: '주문번호를 알려주시면 고객님 건을 직접 확인해 드리겠습니다.',
    handoff: '문의 주셔서 감사합니다. 정확한 안내를 위해 담당자가 확인한 뒤 직접 답변드리겠습니다. 조금만 기다려 주세요.',
    injectionHandoff: '문의 주셔서 감사합니다. 담당자가 내용을 확인한 뒤 직접 답변드리겠습니다.',
    closing: (business) => `감사합니다. ${business} 드림`,
    inShort: '요약',
  },
  en: {
    greeting: 'Hello,',
    intro: (category) => EN_INTRO[category ?? ''] ?? EN_INTRO['general'],
    sourcesLabel: 'Sources',
    followUp: 'If you share your order number, we will check your case directly.',
    handoff: 'Thank you for your message. A member of our team will check this and get back to you shortly.',
    injectionHandoff: 'Thank you for your message. A member of our team will review it and reply to you directly.',
    closing: (business) => `Best regards,\n${business}`,
    inShort: 'In short',
  },
};

/** Mixed-language customers get Korean, the site's language. */
export function phrasesFor(language: Language | undefined): DraftPhrases {
  return language === 'en' ? PHRASES.en : PHRASES.ko;
}
