import type { StarterRow } from './starter-types';

/**
 * Requests whose tone is the point: praise or relief around a request (positive), worry or irritation
 * around a routine one (negative), and polite formulas that stay neutral. Sentiment labels follow the
 * help desk's rule that politeness alone is neutral.
 */
export const TONE_ROWS: Array<[category: string, ...row: StarterRow]> = [
  ['shipping', '지난번에 포장 너무 꼼꼼하게 해주셔서 감동했어요! 이번 박스도 합배송 부탁드려요', '+'],
  ['shipping', '일본 창고 입고 진짜 빠르네요 👍 나머지 하나 오면 같이 보내주세요', '+'],
  ['shipping', 'Wow, my last box arrived in 4 days — amazing! Could you ship the new one by air too?', '+'],
  ['shipping', 'You guys pack like pros, nothing broke. How much would 3 kg from the US cost this time?', '+'],
  ['shipping', '덕분에 선물 제때 받았어요 감사해요~ 이번 건도 출고 부탁드려요 ㅎㅎ', '+'],
  ['order', '지난번에 사주신 카메라 완전 만족이에요! 이번엔 렌즈도 하나 사주세요', '+'],
  ['order', 'Your purchase service saved me so much hassle, thank you! Can you get me this jacket too?', '+'],
  ['order', '항상 빠르게 구매해 주셔서 좋아요 ㅎㅎ 이 링크도 부탁드려요', '+'],
  ['payment', '결제 문제 빨리 해결해 주셔서 정말 감사해요! 영수증만 메일로 부탁드려요', '+'],
  ['payment', 'Thanks a ton for sorting out my card issue so quickly! One more thing — can I pay the shipping with PayPal?', '+'],
  ['return_refund', '환불 이렇게 빨리 될 줄 몰랐어요 감사합니다! 하나 남은 건 교환으로 부탁드려요', '+'],
  ['return_refund', 'Really appreciate how you handled the damaged lamp. Can the replacement ship with my next box?', '+'],
  ['b2b_quote', '샘플 품질 아주 만족스럽습니다. 본 발주 견적 바로 부탁드립니다', '+'],
  ['b2b_quote', 'Great working with your team on the first order! Please quote 2,000 more units.', '+'],
  ['general', '파셀홉 덕분에 해외직구가 너무 편해졌어요 주변에 추천하고 다녀요 ㅎㅎ', '+'],
  ['general', 'Honestly the best customer service I have had from any shop. Thank you!', '+'],
  ['general', '민수님 친절한 안내 감사했습니다! 😊', '+'],
  ['shipping', '박스가 계속 창고에만 있는데 왜 안 보내주는 거예요? 결제까지 다 했잖아요', '-'],
  ['shipping', '배송 조회가 사흘째 똑같아요. 이거 정상 맞아요? 불안하네요', '-'],
  ['shipping', 'I am getting worried — tracking has not changed since Monday.', '-'],
  ['order', '견적을 이틀째 기다리고 있어요. 이렇게 오래 걸리는 줄 몰랐네요', '-'],
  ['order', 'Still no quote after two days? Other services reply within hours.', '-'],
  ['payment', '결제가 왜 자꾸 튕기는 거죠? 세 번째 시도인데 짜증나네요', '-'],
  ['payment', 'This is the third time your payment page has thrown an error. Not great.', '-'],
  ['general', '채팅 남겼는데 하루 종일 아무 답이 없네요. 장사 하시는 거 맞나요?', '-'],
  ['return_refund', '환불 약속하신 날짜가 지났는데 아직도 안 들어왔어요', '-'],
  ['shipping', '합배송 부탁드립니다. 감사합니다'],
  ['order', 'Please buy the item in the link. Thank you!'],
  ['payment', '현금영수증 발행 부탁드려요~ 감사합니다!'],
  ['general', '운영시간 알려주시면 감사하겠습니다'],
  ['b2b_quote', '견적 요청드립니다. 검토 부탁드립니다. 감사합니다.'],
  ['return_refund', 'Could you tell me when the refund will arrive? Thanks in advance.'],
  ['shipping', '벌써 창고 도착했네요 ㅎㅎ 바로 출고해 주세요~', '+'],
  ['order', '오늘 월급날이라 질러봅니다 ㅋㅋ 이 스니커즈 사주세요!', '+'],
  ['general', '처음 가입했어요~ 잘 부탁드립니다 😊', '+'],
  ['payment', '입금 완료했어요~ 확인 부탁드려요 ㅎㅎ', '+'],
  ['b2b_quote', '좋습니다, 그 조건으로 진행하시죠! 계약서 초안 보내주세요', '+'],
  ['order', 'Hi! Super excited — can you grab this limited mug from the Tokyo store for me? 😊', '+'],
];
