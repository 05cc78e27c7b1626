import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it.each([
    ['배송 언제 와요?', 'ko'],
    ['Where is my package?', 'en'],
    ['order cancel 하고 싶어요', 'mixed'],
    ['warehouse address 알려주세요 suite number는 어디에 써요?', 'mixed'],
    ['Lululemon 레깅스 재고 있나요?', 'ko'],
    ['https://www.amazon.com/dp/B0X 이거 사주세요', 'ko'],
    ['👍👍', 'ko'],
  ])('%s → %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});
