/** Shared inputs for the OpenAI-compatible provider specs. */
import type { CategoryDefinition, RetrievedPassage, TriageOutput } from '../../../ports';

export const CATEGORIES: CategoryDefinition[] = [
  { id: 'order', label: 'Order', description: 'buying, before the item leaves the seller' },
  { id: 'shipping', label: 'Shipping', description: "the parcel's journey after the seller ships" },
  { id: 'payment', label: 'Payment' },
  { id: 'general', label: 'General' },
];

export const VALID_TRIAGE: TriageOutput = {
  category: 'shipping',
  confidence: 0.87,
  sentiment: 'negative',
  urgent: false,
  language: 'ko',
  entities: { orderNumbers: [], trackingNumbers: ['PHX240312047'], company: null, quantities: [], amounts: [] },
};

export const SOURCES: RetrievedPassage[] = [
  { sourceId: 'kb-01', kind: 'article', title: '배송 기간', text: '미국 창고에서 한국까지 항공 배송은 보통 5~7 영업일 걸립니다.', score: 9.1, relevance: 0.9 },
  { sourceId: 'kb-02', kind: 'article', title: '창고 보관료', text: '입고 후 30일까지 무료로 보관합니다.', score: 7.4, relevance: 0.6 },
  { sourceId: 'kb-03', kind: 'article', title: '관부가세', text: '미국발 물품은 USD 200까지 면세입니다.', score: 6.2, relevance: 0.55 },
];
