/**
 * Named places, shops, platforms, carriers and payment services customers of a cross-border shopping help
 * desk mention. General world knowledge, not this knowledge base's: when a question names one the
 * knowledge base never mentions ("deliver to my hotel in Tokyo", "price match with Coupang", "your
 * Instagram"), the answer is almost never in it, however well the rest of the question matches.
 *
 * Korean forms match inside the space-free text; Latin forms match whole words.
 */
export interface NamedEntity {
  id: string;
  forms: string[];
}

export const ENTITY_GAZETTEER: NamedEntity[] = [
  // countries and regions
  { id: 'us', forms: ['미국', 'usa', 'america', 'united states'] },
  { id: 'japan', forms: ['일본', 'japan'] },
  { id: 'china', forms: ['중국', 'china'] },
  { id: 'korea', forms: ['한국', 'korea'] },
  { id: 'uk', forms: ['영국', 'united kingdom', 'england', 'britain'] },
  { id: 'germany', forms: ['독일', 'germany'] },
  { id: 'france', forms: ['프랑스', 'france'] },
  { id: 'italy', forms: ['이탈리아', 'italy'] },
  { id: 'spain', forms: ['스페인', 'spain'] },
  { id: 'canada', forms: ['캐나다', 'canada'] },
  { id: 'australia', forms: ['호주', '오스트레일리아', 'australia'] },
  { id: 'new_zealand', forms: ['뉴질랜드', 'new zealand'] },
  { id: 'vietnam', forms: ['베트남', 'vietnam'] },
  { id: 'thailand', forms: ['태국', 'thailand'] },
  { id: 'taiwan', forms: ['대만', 'taiwan'] },
  { id: 'hong_kong', forms: ['홍콩', 'hong kong'] },
  { id: 'singapore', forms: ['싱가포르', '싱가폴', 'singapore'] },
  { id: 'philippines', forms: ['필리핀', 'philippines'] },
  { id: 'india', forms: ['india'] },
  { id: 'russia', forms: ['러시아', 'russia'] },
  { id: 'mexico', forms: ['멕시코', 'mexico'] },
  { id: 'brazil', forms: ['브라질', 'brazil'] },
  { id: 'europe', forms: ['유럽', 'europe'] },
  // cities
  { id: 'tokyo', forms: ['도쿄', 'tokyo'] },
  { id: 'osaka', forms: ['오사카', 'osaka'] },
  { id: 'kyoto', forms: ['교토', 'kyoto'] },
  { id: 'fukuoka', forms: ['후쿠오카', 'fukuoka'] },
  { id: 'new_york', forms: ['뉴욕', 'new york', 'nyc'] },
  { id: 'los_angeles', forms: ['로스앤젤레스', '엘에이', 'los angeles'] },
  { id: 'california', forms: ['캘리포니아', 'california'] },
  { id: 'hawaii', forms: ['하와이', 'hawaii'] },
  { id: 'london', forms: ['런던', 'london'] },
  { id: 'paris', forms: ['paris'] },
  { id: 'beijing', forms: ['베이징', '북경', 'beijing'] },
  { id: 'shanghai', forms: ['상하이', 'shanghai'] },
  { id: 'seoul', forms: ['서울', 'seoul'] },
  { id: 'busan', forms: ['부산', 'busan'] },
  { id: 'incheon', forms: ['인천', 'incheon'] },
  { id: 'jeju', forms: ['제주', 'jeju'] },
  // marketplaces and shops
  { id: 'amazon', forms: ['아마존', 'amazon'] },
  { id: 'ebay', forms: ['이베이', 'ebay'] },
  { id: 'coupang', forms: ['쿠팡', 'coupang'] },
  { id: '11st', forms: ['11번가', '11st'] },
  { id: 'gmarket', forms: ['지마켓', 'g마켓', 'gmarket'] },
  { id: 'joonggonara', forms: ['중고나라'] },
  { id: 'karrot', forms: ['당근마켓', 'karrot'] },
  { id: 'bunjang', forms: ['번개장터', '번장'] },
  { id: 'rakuten', forms: ['라쿠텐', 'rakuten'] },
  { id: 'mercari', forms: ['메루카리', '메르카리', 'mercari'] },
  { id: 'yahoo_auction', forms: ['야후옥션', '야후 옥션', 'yahoo auction'] },
  { id: 'taobao', forms: ['타오바오', 'taobao'] },
  { id: 'tmall', forms: ['티몰', 'tmall'] },
  { id: 'aliexpress', forms: ['알리익스프레스', 'aliexpress'] },
  { id: 'temu', forms: ['테무', 'temu'] },
  { id: 'shein', forms: ['쉬인', 'shein'] },
  { id: 'costco', forms: ['코스트코', 'costco'] },
  { id: 'walmart', forms: ['월마트', 'walmart'] },
  { id: 'best_buy', forms: ['베스트바이', 'best buy'] },
  { id: 'iherb', forms: ['아이허브', 'iherb'] },
  { id: 'stockx', forms: ['stockx'] },
  // social and messaging platforms
  { id: 'instagram', forms: ['인스타그램', '인스타', 'instagram', 'insta'] },
  { id: 'facebook', forms: ['페이스북', 'facebook'] },
  { id: 'youtube', forms: ['유튜브', 'youtube'] },
  { id: 'tiktok', forms: ['틱톡', 'tiktok'] },
  { id: 'twitter', forms: ['트위터', 'twitter'] },
  { id: 'whatsapp', forms: ['왓츠앱', 'whatsapp'] },
  { id: 'wechat', forms: ['위챗', 'wechat'] },
  { id: 'telegram', forms: ['텔레그램', 'telegram'] },
  { id: 'discord', forms: ['디스코드', 'discord'] },
  { id: 'naver_blog', forms: ['네이버블로그', '블로그', 'blog'] },
  { id: 'kakaotalk', forms: ['카카오톡', '카톡', 'kakaotalk'] },
  // carriers
  { id: 'ups', forms: ['ups'] },
  { id: 'fedex', forms: ['페덱스', 'fedex'] },
  { id: 'dhl', forms: ['dhl'] },
  { id: 'usps', forms: ['usps'] },
  { id: 'ems', forms: ['ems'] },
  { id: 'korea_post', forms: ['우체국', 'korea post'] },
  { id: 'yamato', forms: ['야마토', 'yamato'] },
  { id: 'sagawa', forms: ['사가와', 'sagawa'] },
  // payment services
  { id: 'paypal', forms: ['페이팔', 'paypal'] },
  { id: 'apple_pay', forms: ['애플페이', 'apple pay'] },
  { id: 'samsung_pay', forms: ['삼성페이', 'samsung pay'] },
  { id: 'toss', forms: ['토스페이', 'toss'] },
  { id: 'alipay', forms: ['알리페이', 'alipay'] },
  { id: 'venmo', forms: ['venmo'] },
];
