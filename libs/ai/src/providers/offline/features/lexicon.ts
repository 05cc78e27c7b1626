/**
 * Domain cue lexicon: bilingual surface forms grouped into concepts ("customs", "refund", "deadline").
 *
 * Why: the labelled set is small, and a held-out customer writes "세관에서 안 나와요" where the training
 * set only had "통관이 지연돼요". Concept features let the linear model share weight across synonyms,
 * spellings and languages, which is where a plain n-gram model loses most on unseen styles. The lexicon
 * does not map concepts to categories; the model learns those weights from labelled examples, so renamed
 * or added categories still work.
 *
 * Korean forms match as substrings of the space-free text (so spacing does not matter, and particles and
 * endings attached to a stem still match). English forms match whole words; a trailing `*` allows any
 * ending ("refund*" matches refunds, refunded).
 */
export interface Concept {
  id: string;
  ko?: string[];
  en?: string[];
}

export const DOMAIN_CONCEPTS: Concept[] = [
  // ── buying (before the item leaves the seller)
  { id: 'buy_request', ko: ['사주세요', '사줄수', '사주실', '구매해주', '구매부탁', '구매가능', '구입가능', '구매대행', '대신구매', '대신사', '주문해주', '주문넣어', '사고싶', '살수있', '구매하고싶', '구입하고싶', '살게요', '주문하고싶', '구매신청', '주문할게'], en: ['buy', 'buying', 'purchase*', 'get me', 'order this', 'place an order', 'shop for', 'proxy'] },
  { id: 'stock', ko: ['재고', '품절', '재입고', '구할수', '남아있', '매진'], en: ['in stock', 'stock', 'sold out', 'restock*', 'availab*', 'out of stock'] },
  { id: 'product_question', ko: ['전압', '프리볼트', '각인', '사전예약', '예약판매', '예약구매', '경매', '입찰', '호환', '정격', '사이즈표', '한정판', '발매'], en: ['voltage', '110v', '220v', 'engrav*', 'pre-order', 'preorder', 'auction*', 'bid', 'bidding', 'compatib*', 'limited edition', 'release', 'drop'] },
  { id: 'option_change', ko: ['옵션', '사이즈', '색상', '컬러', '색깔', '수량변경', '수량을', '추가하고', '빼주', '빼고', '링크잘못', '잘못된링크', '다른링크'], en: ['size', 'color', 'colour', 'option*', 'variant', 'quantity', 'wrong link', 'add one more', 'remove the'] },
  { id: 'purchase_status', ko: ['구매대기', '구매완료', '구매진행', '구매됐', '구매되었', '구매했나', '견적서가안', '견적이안', '견적안왔', '견적을못', '견적못받', '주문상태', '주문확인', '구매확인'], en: ['purchase status', 'bought yet', 'purchased yet', 'quote yet', "haven't received the quote", 'order status', 'placed yet'] },
  { id: 'seller_issue', ko: ['판매자가취소', '판매처에서취소', '판매자취소', '셀러', '판매처', '판매자', '쇼핑몰에서', '발송지연', '출고지연', '주문취소됐', '주문이취소'], en: ['seller', 'store cancel*', 'merchant', 'vendor cancel*', 'seller cancel*'] },
  { id: 'cancel', ko: ['취소', '캔슬', '철회'], en: ['cancel*', 'call off'] },
  { id: 'agency_fee', ko: ['대행수수료', '구매대행수수료', '수수료', '대행료', '차액', '가격이올', '가격이바뀌', '가격변동', '가격이내', '추가금'], en: ['agency fee', 'service fee', 'commission', 'fee', 'fees', 'price difference', 'price went up', 'price change*', 'price drop*'] },
  { id: 'link', ko: ['링크', '상품페이지', '주소로'], en: ['link', 'url', 'listing', 'product page'] },
  { id: 'store', ko: ['아마존', '이베이', '라쿠텐', '타오바오', '알리', '코스트코', '월마트', '타겟', '메루카리', '야후옥션', '조조타운', '나이키', '아이허브', '베스트바이', '세포라', '애플스토어', '쇼핑몰', '직구'], en: ['amazon', 'ebay', 'rakuten', 'taobao', 'tmall', '1688', 'aliexpress', 'costco', 'walmart', 'target', 'mercari', 'yahoo', 'zozotown', 'nike', 'iherb', 'bestbuy', 'sephora', 'etsy', 'store', 'shop', 'website'] },

  // ── shipping (after the seller ships)
  { id: 'warehouse', ko: ['창고', '배대지', '사서함', '현지센터', '물류센터', '델라웨어', '지바', '치바'], en: ['warehouse', 'suite', 'locker', 'delaware', 'chiba', 'facility'] },
  { id: 'address', ko: ['주소', '수취인', '받는사람', '받는분', '수령인', '배송지'], en: ['address', 'recipient', 'addressee', 'deliver to', 'ship to'] },
  { id: 'arrival', ko: ['입고', '미입고', '도착했', '도착안', '들어왔', '안들어', '받았나', '스캔'], en: ['arriv*', 'check-in', 'checked in', 'check in', 'received my package', 'scanned', 'show up', 'showed up', 'in my account'] },
  { id: 'storage', ko: ['보관', '보관료', '보관기간', '폐기'], en: ['storage', 'store my', 'hold my package', 'keep my package', 'dispos*'] },
  { id: 'forwarding', ko: ['배송대행', '배대', '배송신청', '출고', '발송해', '보내주', '보내줘', '보내주세', '한국으로', '발송요청', '배송요청', '포워딩'], en: ['forward*', 'ship out', 'ship it', 'ship my', 'dispatch*', 'send it', 'send my', 'send them', 'to korea'] },
  { id: 'consolidation', ko: ['합배송', '합포장', '묶음배송', '묶어서', '같이보내', '한번에보내', '한박스', '합쳐'], en: ['consolidat*', 'combine*', 'together', 'one box', 'merge'] },
  { id: 'repack', ko: ['분할배송', '분할', '나눠서', '재포장', '박스제거', '원박스', '포장', '뽁뽁이', '에어캡', '완충'], en: ['split', 'repack*', 'packing', 'packaging', 'bubble wrap', 'remove the box', 'original box', 'fragile'] },
  { id: 'inspection', ko: ['검수', '사진', '확인사진', '실측', '개봉'], en: ['inspect*', 'photo*', 'picture*', 'check the item', 'open the box'] },
  { id: 'shipping_rate', ko: ['배송비', '운임', '국제배송비', '배송요금', '무게', '부피무게', '키로', '킬로', '해상', '항공', '선박', '요금표', '운송비'], en: ['shipping fee', 'shipping cost', 'shipping rate', 'postage', 'weight', 'volumetric', 'dimension*', 'kg', 'kilo*', 'sea', 'ocean', 'air', 'rate', 'rates', 'how much to ship'] },
  { id: 'prohibited', ko: ['금지', '제한품목', '반입', '배터리', '보조배터리', '리튬', '향수', '영양제', '건강기능식품', '비타민', '고기', '육포', '소시지', '의약품', '약품', '액체', '스프레이', '화장품', '사료', '씨앗', '칼', '총', '보낼수있', '보내도되', '보내도돼', '배송가능한가', '통관되나'], en: ['prohibit*', 'restrict*', 'banned', 'allowed', 'battery', 'batteries', 'lithium', 'perfume', 'supplement*', 'vitamin*', 'meat', 'jerky', 'medicine*', 'medication*', 'liquid*', 'aerosol', 'spray', 'cosmetic*', 'pet food', 'seeds', 'knife', 'knives', 'can i ship', 'can i send'] },
  { id: 'tracking', ko: ['배송조회', '조회', '트래킹', '운송장', '송장', '택배', '대한통운', '한진', '롯데택배', '우체국', '배송중', '배송현황', '어디쯤', '언제와', '언제도착', '언제받', '안와', '도착예정', '움직이'], en: ['track*', 'waybill', 'courier', 'cj', 'hanjin', 'lotte', 'in transit', 'where is my', "where's my", 'when will', 'status update', 'eta', 'moving', 'delivery'] },
  { id: 'delay', ko: ['지연', '늦어', '늦게', '안움직', '멈춰', '그대로', '변동이없', '업데이트가없', '며칠째', '일주일째', '계속', '아직도'], en: ['delay*', 'stuck', 'late', 'not moving', 'no update*', "hasn't moved", 'still', 'taking forever', 'taking so long'] },
  { id: 'customs', ko: ['통관', '세관', '관세', '부가세', '관부가세', '개인통관고유부호', '통관부호', '면세', '합산과세', '사유서', '수입신고', '유니패스', '목록통관', '일반통관', '세금'], en: ['customs', 'duty', 'duties', 'tariff*', 'clearance', 'customs code', 'pccc', 'duty-free', 'duty free', 'import tax', 'vat', 'tax', 'unipass'] },
  { id: 'delivered_missing', ko: ['배송완료인데', '배송완료라고', '배송완료로', '완료라고뜨', '받은적이없', '못받았', '없어요', '문앞', '경비실', '택배함', '부재'], en: ['delivered but', 'says delivered', 'marked delivered', 'marked as delivered', 'not here', "didn't get", 'never got', 'never received', "haven't received", 'front door', 'doorstep', 'leave it'] },

  // ── business (B2B quotes and terms)
  { id: 'business', ko: ['사업자', '법인', '회사', '업체', '기업', '저희회사', '매장', '스토어', '쇼핑몰운영', '온라인몰', '대표', '구매팀', '구매담당', '바이어', '도매', '리셀'], en: ['business', 'company', 'corporate', 'our company', 'our store', 'our shop', 'wholesale*', 'reseller', 'retailer', 'procurement', 'we are a', "we're a", 'startup', 'brand', 'b2b'] },
  { id: 'bulk', ko: ['대량', '벌크', '도매', '박스단위', '팔레트', '컨테이너', '최소주문', '최소수량', '최소발주', 'moq'], en: ['bulk', 'wholesale', 'large order', 'volume', 'moq', 'minimum order', 'pallet*', 'container', 'units', 'pcs'] },
  { id: 'quote', ko: ['견적', '단가', '가격표', '제안서', '요율', '견적서'], en: ['quote*', 'quotation', 'rfq', 'proposal', 'unit price', 'pricing', 'price list', 'rate card'] },
  { id: 'sourcing', ko: ['소싱', '공장', '제조사', '공급처', '공급사', '제조업체', '생산', 'oem', 'odm', '납품'], en: ['sourc*', 'factory', 'factories', 'manufactur*', 'supplier*', 'oem', 'odm', 'production'] },
  { id: 'contract', ko: ['계약', '정기', '월평균', '매달', '매월', '장기', '연간', '파트너십', '제휴'], en: ['contract*', 'monthly', 'every month', 'per month', 'annual', 'long-term', 'long term', 'partnership', 'retainer', 'agreement'] },
  { id: 'payment_terms', ko: ['net30', 'net60', '결제조건', '후불', '외상', '월말정산', '월정산', '계약금', '선금', '선결제', '발주서', '인보이스'], en: ['net30', 'net 30', 'net60', 'payment terms', 'terms', 'proforma', 'pro forma', 'purchase order', 'po', 'invoice', 'credit terms', 'upfront', 'advance payment'] },
  { id: 'tax_invoice', ko: ['세금계산서', '전자세금계산서', '계산서'], en: ['tax invoice'] },
  { id: 'sample', ko: ['샘플', '시제품', '견본'], en: ['sample*', 'prototype'] },
  { id: 'import_business', ko: ['수입통관', '사업자통관', '수입자', '관세사', 'kc인증', '전파인증', '식품수입', '수입신고', '인증'], en: ['import clearance', 'importer', 'importer of record', 'customs broker', 'kc certification', 'certification', 'food import'] },

  // ── payment
  { id: 'pay_method', ko: ['결제수단', '결제방법', '카드', '신용카드', '체크카드', '해외카드', '카카오페이', '카카오페', '네이버페이', '페이팔', '토스', '애플페이', '할부', '일시불', '결제가능', '결제되나', '결제돼'], en: ['payment method*', 'pay with', 'pay by', 'credit card', 'debit card', 'card', 'visa', 'mastercard', 'amex', 'paypal', 'apple pay', 'kakao pay', 'installment*', 'how do i pay', 'how to pay'] },
  { id: 'payment_failure', ko: ['결제오류', '결제실패', '결제가안', '결제안', '결제가되지', '결제창', '에러', '오류코드', '승인거절', '거절', '잠겼', '잠김', '막혔', '결제가막', '한도초과', '펜딩', '보류중'], en: ['payment failed', 'failed', 'declined', 'error', 'error code', "won't go through", "didn't go through", 'locked', 'pending', 'hold on my card', 'payment page'] },
  { id: 'double_charge', ko: ['두번결제', '두번빠', '이중결제', '중복결제', '두번청구', '2번결제', '결제가두번', '두번이나'], en: ['charged twice', 'double charg*', 'duplicate charge*', 'charged two times', 'billed twice', 'two charges'] },
  { id: 'bank_transfer', ko: ['무통장', '입금', '가상계좌', '계좌이체', '입금자명', '입금확인', '계좌번호', '송금'], en: ['bank transfer', 'wire', 'virtual account', 'deposit confirm*', 'transferred', 'transfer'] },
  { id: 'exchange_rate', ko: ['환율', '환전', '원화로'], en: ['exchange rate', 'conversion rate', 'currency conversion', 'fx'] },
  { id: 'receipt', ko: ['영수증', '현금영수증', '매출전표', '카드전표', '증빙', '지출증빙', '거래명세서', '결제내역'], en: ['receipt*', 'card slip', 'proof of payment', 'billing statement', 'statement'] },
  { id: 'second_payment', ko: ['2차결제', '두번째결제', '배송비결제', '2차', '추가결제'], en: ['second payment', 'pay the shipping', 'shipping payment', 'additional payment'] },
  { id: 'deposit_balance', ko: ['예치금', '잔액', '출금', '포인트전환'], en: ['deposit balance', 'balance', 'withdraw*', 'store credit', 'credit balance'] },
  { id: 'charged_amount', ko: ['금액이다르', '더나왔', '청구금액', '결제금액', '더빠졌', '금액차이', '금액이안맞', '결제된금액'], en: ['charged more', 'different amount', 'amount charged', 'overcharg*', 'wrong amount', "doesn't match"] },
  { id: 'pay_generic', ko: ['결제', '지불', '납부', '청구'], en: ['pay', 'paid', 'payment*', 'charge*', 'bill', 'billed'] },

  // ── returns, refunds, damage
  { id: 'return', ko: ['반품', '교환', '반송', '되돌려보', '리턴', '재발송', '다시보내'], en: ['return*', 'exchange', 'send back', 'send it back', 'return label', 'replace*', 'swap'] },
  { id: 'refund', ko: ['환불', '환급', '돈돌려', '돌려받', '돌려주', '취소금액', '환불금'], en: ['refund*', 'money back', 'reimburse*', 'get my money'] },
  { id: 'damaged', ko: ['파손', '깨져', '깨졌', '깨진', '부서', '찢어', '찢겨', '찌그러', '고장', '불량', '하자', '망가', '금가', '흠집', '스크래치', '녹아', '새서', '샜', '얼룩', '오염', '안켜', '작동안', '작동이안', '충전이안', '터져서', '터졌'], en: ['damag*', 'broken', 'broke', 'cracked', 'shattered', 'defect*', 'dented', 'scratch*', 'torn', 'ripped', 'crushed', 'leak*', 'faulty', "doesn't work", 'not working', "won't turn on", "won't charge", 'will not turn on', 'dead on arrival', 'stain*', 'dirty'] },
  { id: 'wrong_item', ko: ['오배송', '다른상품', '다른물건', '잘못왔', '잘못온', '잘못보내', '다른게왔', '주문한거랑', '주문한것과', '주문한거와', '다른사이즈가', '다른색', '제물건이아니', '내물건이아니', '제것이아니', '다른사람물건', '다른분물건', '바뀌어서왔', '바뀐것같'], en: ['wrong item', 'wrong size', 'wrong color', 'wrong colour', 'wrong product', 'wrong one', 'sent me the wrong', 'sent the wrong', 'got the wrong', 'received the wrong', 'not what i ordered', 'different item', 'different size', 'different color', 'someone else', 'not mine'] },
  { id: 'missing_item', ko: ['누락', '빠져있', '하나가없', '하나없', '구성품', '덜왔', '개만왔', '비어'], en: ['missing', 'not included', 'only got', 'empty box', 'short'] },
  { id: 'counterfeit_used', ko: ['가품', '짝퉁', '중고', '사용한흔적', '사용감', '정품아닌'], en: ['fake', 'counterfeit', 'used item', 'looks used', 'knockoff', 'not authentic'] },
  { id: 'claim', ko: ['클레임', '보상', '보험', '분실', '배상', '책임'], en: ['claim*', 'insurance', 'insured', 'compensat*', 'lost', 'liab*'] },

  // ── general
  { id: 'greeting', ko: ['안녕하세요', '안녕하십니까', '수고하세요', '수고많으', '좋은하루', '반갑습니다'], en: ['hello', 'hi', 'hey', 'good morning', 'good afternoon'] },
  { id: 'praise', ko: ['감사', '고마', '최고', '친절', '덕분', '만족', '좋았', '빠르네', '빨라요', '빨리와', '감동', '대박', '짱', '추천할'], en: ['thank*', 'thx', 'appreciat*', 'great', 'awesome', 'amazing', 'love', 'excellent', 'fantastic', 'best', 'recommend', 'kudos', 'impressed'] },
  { id: 'hours_contact', ko: ['운영시간', '영업시간', '상담시간', '몇시', '주말', '공휴일', '휴무', '쉬는날', '연휴', '추석', '설날', '전화번호', '전화', '카톡', '카카오톡', '이메일', '메일주소', '연락처', '연락'], en: ['business hours', 'opening hours', 'hours', 'open', 'weekend*', 'holiday*', 'phone', 'call', 'kakao', 'kakaotalk', 'email', 'contact', 'reach you'] },
  { id: 'human', ko: ['상담원', '상담사', '사람이랑', '사람과', '사람한테', '직원분', '사장님', '대표님', '담당자', '책임자', '매니저', '직접통화'], en: ['human', 'real person', 'agent', 'manager', 'owner', 'supervisor', 'someone real', 'talk to someone', 'speak to'] },
  { id: 'service_general', ko: ['어떤서비스', '이용방법', '어떻게이용', '처음', '어떻게하는', '차이가', '차이점', '어느나라', '어떤나라', '믿을수', '사기', '믿어도', '후기', '시작하려', '신청방법'], en: ['how does it work', 'how it works', 'new here', 'first time', 'which countries', 'what countries', 'difference between', 'legit', 'scam', 'trust', 'reviews', 'get started', 'how do i start', 'what do you do'] },
  { id: 'account', ko: ['로그인', '비밀번호', '비번', '아이디', '회원가입', '가입', '탈퇴', '계정', '개인정보', '이름변경', '이름을바', '인증번호', '본인인증', '휴대폰번호변경'], en: ['login', 'log in', 'password', 'account', 'sign up', 'signup', 'register', 'delete my', 'personal data', 'privacy', 'username', 'verification code', 'change my name'] },
  { id: 'membership', ko: ['등급', '멤버십', '회원등급', 'vip', '골드', '쿠폰', '이벤트', '프로모션', '적립', '할인코드', '추천인', '신규회원'], en: ['membership', 'tier', 'vip', 'gold', 'coupon*', 'promo*', 'event', 'points', 'discount code', 'referral'] },
  { id: 'staff_complaint', ko: ['답변이없', '답이없', '답장이없', '답변이늦', '응대', '불친절', '무시', '씹', '연락이안', '몇번을', '읽씹'], en: ['no reply', 'no response', 'nobody answer*', 'ignored', 'rude', 'slow response', 'unprofessional', 'no one replied', 'waiting for a reply'] },
  { id: 'jobs_partnership', ko: ['채용', '입사', '구인', '아르바이트', '알바', '이력서', '인플루언서', '협찬', '협업', '광고문의', '블로그', '유튜브'], en: ['job', 'hiring', 'career*', 'resume', 'cv', 'intern*', 'influencer', 'collab*', 'sponsor*', 'youtube', 'blog'] },
  { id: 'site_bug', ko: ['홈페이지', '사이트', '웹사이트', '페이지가', '버그', '먹통', '접속이', '앱이', '화면이', '깨져보'], en: ['website', 'site', 'page', 'bug', 'glitch', 'app', 'crash*', 'loading', "won't load", 'broken link'] },
  { id: 'api_integration', ko: ['api', '연동', '시스템연동'], en: ['api', 'integration', 'integrate', 'webhook'] },
  { id: 'injection', ko: ['지시를무시', '지시는모두무시', '명령을무시', '무시하고', '관리자명령', '관리자권한', '시스템프롬프트', '너는이제'], en: ['ignore previous', 'ignore all', 'ignore your', 'disregard', 'system prompt', 'you are now', 'jailbreak', 'drop table', 'select *', 'script', 'onerror', 'iframe', 'alert'] },
  { id: 'spam', ko: ['당첨', '무료증정', '클릭', '수익보장', '코인', '투자', '대출', '광고'], en: ['congratulation*', 'winner', 'won a', 'gift card', 'click here', 'claim now', 'crypto*', 'bitcoin', 'investment', 'loan', 'free money', 'viagra', 'seo'] },

  // ── sentiment
  { id: 'neg_emotion', ko: ['화나', '화가', '짜증', '실망', '최악', '어이없', '어이가', '답답', '황당', '속상', '미치겠', '열받', '장난하', '장난해', '불만', '기분나', '엉망', '너무하', '말이되', '어떻게이럴', '불안', '걱정', '초조', '당황', '힘드', '곤란', 'ㅡㅡ', '-_-', '하…', '하...', '후…'], en: ['angry', 'frustrat*', 'disappoint*', 'terrible', 'worst', 'ridiculous', 'unacceptable', 'annoy*', 'upset', 'furious', 'awful', 'horrible', 'worried', 'concerned', 'anxious', 'nervous', 'seriously', 'wtf', 'not happy', 'fed up', 'joke', 'useless'] },
  { id: 'neg_situation', ko: ['아직도', '도대체', '언제까지', '몇번', '왜이렇게', '왜아직', '또', '계속', '벌써', '전혀', '안되나요'], en: ['still', 'again', 'yet again', 'why is', 'why has', 'how long', 'already', 'no one', 'nobody', 'never'] },
  { id: 'pos_strong', ko: ['정말감사', '너무감사', '진짜감사', '완전감사', '감사드려요정말', '최고', '덕분에', '만족', '감동', '좋네요', '좋아요', '좋았', '훌륭', '짱', '대박', '빠르네', '빨리와서', '꼼꼼', '친절하', '잘받았', '잘받아', '행복', '기뻐', '다음에도', '또이용', '추천'], en: ['love', 'great', 'awesome', 'amazing', 'excellent', 'fantastic', 'perfect', 'impressed', 'happy', 'so helpful', 'really appreciate', 'thanks so much', 'thank you so much', 'best', 'wonderful', 'quick', 'smooth', 'recommend'] },
  { id: 'polite', ko: ['감사합니다', '감사해요', '부탁드립니다', '부탁드려요', '부탁합니다', '죄송', '실례'], en: ['thank you', 'thanks', 'please', 'kindly', 'sorry', 'appreciate it', 'regards'] },

  // ── urgency
  { id: 'deadline', ko: ['오늘까지', '내일까지', '내일', '모레', '이번주', '이번주말', '주말까지', '금요일까지', '월요일까지', '마감', '종료', '끝나', '오늘밤', '오늘안', '당일', '곧', '며칠안', '생일', '선물', '행사', '결혼식', '출국', '여행', '기념일', '시간없', '시간이없', '타임세일', '세일이오늘', '몇시간'], en: ['today', 'tonight', 'tomorrow', 'this week', 'this weekend', 'by friday', 'by monday', 'deadline', 'ends', 'ending', 'expires', 'expir*', 'birthday', 'gift', 'wedding', 'event', 'trip', 'flight', 'in hours', 'few hours', 'last day', 'closing'] },
  { id: 'urgent_word', ko: ['급해', '급합니다', '급한', '긴급', '빨리', '서둘', '당장', '지금바로', '바로', '최대한빨리'], en: ['urgent*', 'asap', 'as soon as possible', 'immediately', 'right now', 'right away', 'emergency', 'hurry', 'quickly'] },
  { id: 'money_limbo', ko: ['두번결제', '이중결제', '중복결제', '돈만빠', '돈은빠', '출금됐는데', '빠져나갔는데', '결제됐는데주문', '결제는됐는데', '결제는되었는데', '입금했는데', '실패했는데', '실패라고', '승인됐는데'], en: ['charged twice', 'double charg*', 'money was taken', 'money taken', 'charged but', 'was charged', 'got charged', 'deducted', 'payment went through but', 'failed but'] },
  { id: 'long_wait', ko: ['일주일', '7일', '8일', '9일', '10일', '열흘', '보름', '2주', '두주', '3주', '한달', '한 달', '몇주', '며칠째'], en: ['a week', 'one week', 'over a week', '10 days', 'ten days', 'two weeks', '2 weeks', 'three weeks', '3 weeks', 'a month', 'weeks'] },
  { id: 'lost', ko: ['분실', '사라졌', '행방', '없어졌', '추적이안', '조회가안', '분실된', '잃어'], en: ['lost', 'disappeared', 'vanished', 'missing package', 'gone missing', 'cannot be traced', 'no trace'] },
  { id: 'stop_purchase', ko: ['구매중지', '구매멈', '구매하지마', '사지마', '사지말', '구매보류', '주문보류', '구매하지말', '진행하지마', '진행멈', '결제취소해', '멈춰주', '중단해', '스톱'], en: ['stop the purchase', "don't buy", 'do not buy', 'do not purchase', "don't purchase", 'hold the order', 'put it on hold', 'stop the order', 'stop it', 'halt', 'on hold'] },
  { id: 'account_takeover', ko: ['해킹', '도용', '제가한게아닌', '내가한게아닌', '모르는로그인', '로그인알림', '피싱', '스미싱', '결제요청문자', '이상한문자', '다른사람이로그인', '비밀번호가바뀌'], en: ['hacked', 'unauthori*', 'phishing', 'someone logged', 'someone else logged', "didn't make this", 'suspicious', 'compromised', 'fraud*', 'scam text', 'not me'] },
];
