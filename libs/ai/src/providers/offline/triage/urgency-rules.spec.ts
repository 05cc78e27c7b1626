import { urgencyRuleHits } from './urgency-rules';

const rules = (text: string) => urgencyRuleHits(text).map((h) => h.rule);

describe('urgency rules', () => {
  it.each([
    ['같은 주문이 두 번 결제됐어요', 'money_in_limbo'],
    ['The payment failed but my bank shows I was charged', 'money_in_limbo'],
    ['통관중으로 열흘째 멈춰 있어요', 'stuck_or_lost'],
    ['Tracking has not updated in 12 days, is it lost?', 'stuck_or_lost'],
    ['아직 안 사셨으면 구매 중지해 주세요', 'stop_purchase'],
    ["Please don't buy it, wrong model", 'stop_purchase'],
    ['계정이 해킹당한 것 같아요', 'account_takeover'],
    ['경매가 오늘 밤 9시에 끝나요', 'near_deadline'],
    ["It's a birthday gift for tomorrow", 'near_deadline'],
    ['반품 기한이 3일 남았어요', 'near_deadline'],
  ])('%s → %s', (text, rule) => {
    expect(rules(text)).toContain(rule);
  });

  it.each([
    '배송 보통 며칠 걸려요?',
    '주문 취소하고 싶어요. 다른 데서 샀어요',
    'We plan to order 500 units next month',
    'RFQ deadline is next Friday',
    '채팅 기록이 사라졌어요',
  ])('stays quiet on routine messages: %s', (text) => {
    expect(rules(text)).toEqual([]);
  });
});
