import type { KnowledgeArticleInput } from '../../../../ports';

/** A tiny knowledge base for retrieval and drafting tests (Korean and English, like a real shop's). */
export const FIXTURE_ARTICLES: KnowledgeArticleInput[] = [
  {
    id: 'a-fee',
    title: '구매대행 수수료',
    body: '구매대행 수수료는 상품 금액의 8%이며, 주문 1건당 최소 수수료는 5,000원입니다.\n\n회원 등급에 따라 수수료율이 낮아집니다(골드 7%, VIP 6%).',
    tags: ['수수료'],
  },
  {
    id: 'a-storage',
    title: '창고 보관기간과 보관료',
    body: '창고에 들어온 물건은 입고일부터 30일 동안 무료로 보관합니다.\n\n무료 기간이 지나면 박스 1개당 하루 500원의 보관료가 붙습니다.',
    tags: ['보관료'],
  },
  {
    id: 'a-customs',
    title: '통관 보류·지연 시',
    body: '정상 소요: 한국 도착 후 1~2영업일. 세관 검사 대상으로 지정되면 2~5영업일 걸립니다.\n\n보류가 생기면 카카오톡으로 필요한 서류를 안내합니다.',
    tags: ['통관보류'],
  },
  {
    id: 'a-payment-en',
    title: 'Payment methods',
    body: 'We accept Korean cards, Visa, Mastercard and JCB, KakaoPay and Naver Pay.\n\nWe do not accept PayPal or cryptocurrency.',
    tags: ['payment'],
  },
  {
    id: 'a-refund',
    title: '환불 처리 기간',
    body: '신용·체크카드 환불은 취소 처리 후 카드사 반영까지 3~5영업일 걸립니다.\n\n카카오페이·네이버페이는 1~3영업일입니다.',
    tags: ['환불'],
  },
];
