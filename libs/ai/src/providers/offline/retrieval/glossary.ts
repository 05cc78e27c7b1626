/**
 * Bilingual retrieval glossary for a shopping/forwarding help desk: each entry is a set of Korean and
 * English ways to name one thing. Matching entries become shared index terms (`g:<id>`) on both the
 * query and the knowledge side, so an English question finds a Korean-only article and "free storage"
 * finds "무료 보관". BM25 weighs these terms by their rarity like any other term.
 *
 * Same format as the triage lexicon (Korean forms match inside space-free text, English forms match
 * words; `*` allows any ending).
 */
import type { Concept } from '../features/lexicon';

export const RETRIEVAL_GLOSSARY: Concept[] = [
  // services and process
  { id: 'purchase_agency', ko: ['구매대행', '대신구매', '대신사', '사주', '구매신청', '대리구매', '구매요청'], en: ['purchase agency', 'purchase service', 'buy for me', 'buying service', 'proxy buy*', 'shopping service', 'purchase request', 'buy it for me', 'buy on my behalf', 'order for me', 'purchase for me', 'personal shopper'] },
  { id: 'forwarding', ko: ['배송대행', '배대지', '배대', '배송대행지'], en: ['forwarding', 'forward*', 'package forwarding', 'parcel forwarding', 'reship*', 'mail forwarding'] },
  { id: 'b2b', ko: ['기업', '사업자', '법인', 'b2b', '회사'], en: ['b2b', 'business', 'company', 'corporate', 'wholesale'] },
  { id: 'service_intro', ko: ['어떤서비스', '서비스소개', '무슨회사', '뭐하는'], en: ['what do you do', 'what services', 'what kind of service'] },
  { id: 'process', ko: ['진행순서', '순서', '절차', '어떻게진행', '과정', '이용방법', '어떻게이용'], en: ['process', 'steps', 'how does it work', 'how it works', 'procedure', 'get started', 'how to use', 'how do i start'] },
  { id: 'application_form', ko: ['신청서', '신청방법', '신청'], en: ['request form', 'application', 'fill in', 'form', 'submit a request'] },
  { id: 'quote', ko: ['견적', '견적서'], en: ['quote*', 'quotation', 'estimate'] },
  { id: 'first_payment', ko: ['1차결제', '첫번째결제'], en: ['first payment'] },
  { id: 'second_payment', ko: ['2차결제', '두번째결제', '결제를두번', '두번결제하'], en: ['second payment', 'pay twice', 'two payments'] },
  { id: 'purchase_timing', ko: ['구매진행', '구매까지', '언제구매', '구매해주', '실제로사'], en: ['actually buy', 'when will you buy', 'how soon do you buy', 'place the order', 'purchase the item'] },
  { id: 'agency_fee', ko: ['대행수수료', '구매대행수수료', '수수료', '수수료율', '대행비', '대행료'], en: ['agency fee', 'service fee', 'commission', 'fee', 'fees', 'charge for', 'service charge'] },
  { id: 'minimum', ko: ['최소', '최저'], en: ['minimum', 'at least', 'min'] },
  { id: 'cancel', ko: ['취소'], en: ['cancel*'] },
  { id: 'option_change', ko: ['옵션변경', '사이즈변경', '색상변경', '수량변경', '바꿀수', '변경'], en: ['change the size', 'change the color', 'change the colour', 'change my order', 'switch the size', 'modify'] },
  { id: 'out_of_stock', ko: ['품절', '재고없', '재고가없', '매진'], en: ['out of stock', 'sold out', 'unavailable'] },
  { id: 'price_change', ko: ['가격변동', '가격이오르', '가격이내리', '가격인하', '가격이올', '가격이떨어', '차액'], en: ['price drop*', 'price goes up', 'price went up', 'price increase*', 'price change*', 'difference back', 'the difference'] },
  { id: 'stock_check', ko: ['재고확인', '재고'], en: ['in stock', 'stock', 'availability'] },
  { id: 'china_europe', ko: ['중국', '유럽', '타오바오', '티몰', '1688', '독일', '프랑스', '이탈리아'], en: ['china', 'chinese', 'europe', 'european', 'taobao', 'tmall', '1688', 'germany', 'france', 'italy', 'uk'] },
  { id: 'weihai', ko: ['웨이하이', '위해'], en: ['weihai'] },

  // warehouse and shipping
  { id: 'warehouse', ko: ['창고', '물류센터', '배송지'], en: ['warehouse*', 'facility'] },
  { id: 'us', ko: ['미국', '델라웨어', '뉴캐슬'], en: ['the us', 'us warehouse', 'us store*', 'us site*', 'usa', 'u.s.', 'united states', 'america*', 'delaware', 'new castle'] },
  { id: 'japan', ko: ['일본', '지바', '치바', '이치카와'], en: ['japan*', 'chiba', 'ichikawa'] },
  { id: 'address', ko: ['주소'], en: ['address*'] },
  { id: 'suite_number', ko: ['사서함번호', '사서함', '회원번호'], en: ['suite number', 'suite', 'locker number', 'ph number', 'address line 2'] },
  { id: 'operating_hours', ko: ['운영시간', '영업시간', '몇시부터', '몇시까지', '근무시간', '상담시간', '운영해', '운영하'], en: ['hours', 'opening hours', 'business hours', 'what time', 'open', 'operat*'] },
  { id: 'arrival', ko: ['입고', '도착', '들어오', '들어왔', '입고확인'], en: ['arriv*', 'check in', 'checked in', 'received at', 'in my account', 'shows up', 'show up', 'received my', 'got my package'] },
  { id: 'not_arrived', ko: ['미입고', '입고가안', '입고안', '입고되지', '안들어'], en: ['not in my account', "hasn't arrived", 'not arrived', 'missing package', 'not checked in', "it's not in"] },
  { id: 'photo', ko: ['사진', '촬영', '찍어'], en: ['photo*', 'picture*', 'image*'] },
  { id: 'inspection', ko: ['검수', '상세검수', '확인'], en: ['inspect*', 'detailed inspection', 'check the item'] },
  { id: 'authenticity', ko: ['정품', '가품', '짝퉁', '감정'], en: ['authentic*', 'genuine', 'counterfeit', 'fake', 'real or fake'] },
  { id: 'storage', ko: ['보관', '보관료', '보관기간', '보관비'], en: ['storage', 'store', 'keep items', 'keep my', 'free storage', 'storage fee', 'keep'] },
  { id: 'free', ko: ['무료', '공짜', '비용없', '비용안', '돈안'], en: ['free', 'no charge', 'no cost', 'without charge'] },
  { id: 'disposal', ko: ['폐기', '처분'], en: ['dispos*', 'discard*', 'thrown away'] },
  { id: 'consolidation', ko: ['합배송', '묶음배송', '합포장', '묶어서', '합쳐', '합치'], en: ['consolidat*', 'combine*', 'merge', 'one box', 'ship together', 'ship them together', 'in one package', 'one shipment'] },
  { id: 'split', ko: ['분할배송', '분할', '나눠', '따로보내', '따로따로'], en: ['split*', 'separate boxes', 'divide', 'separately', 'two boxes', 'multiple boxes'] },
  { id: 'repack', ko: ['재포장', '포장', '에어캡', '뽁뽁이', '완충', '안전포장'], en: ['repack*', 'packing', 'packaging', 'bubble wrap', 'extra padding', 'safe packing', 'wrap', 'padding', 'reinforce*'] },
  { id: 'fragile', ko: ['깨지기쉬운', '유리', '도자기', '깨지는'], en: ['fragile', 'glass', 'ceramic', 'breakable'] },
  { id: 'box_removal', ko: ['원박스', '박스제거', '박스빼', '박스를빼'], en: ['original box', 'retail box', 'remove the box', 'box removal'] },
  { id: 'shipping_fee', ko: ['배송비', '국제배송비', '운임', '배송요금', '요금표', '요금', '배송료'], en: ['shipping fee', 'shipping cost', 'shipping rate*', 'shipping', 'postage', 'how much to ship', 'cost to ship', 'rate table', 'price list', 'freight', 'delivery fee', 'delivery cost', 'shipping charge*'] },
  { id: 'weight', ko: ['무게', 'kg', '키로', '킬로', '중량'], en: ['weight', 'weigh*', 'kg', 'kilo*', 'heavy', 'lbs', 'pound*'] },
  { id: 'volumetric', ko: ['부피무게', '부피', '사이즈가큰', '가로', '세로'], en: ['volumetric', 'dimensional', 'dimension*', 'volume weight', 'box size', 'cm', 'bulky', 'large box', 'big box'] },
  { id: 'max_size', ko: ['최대몇kg', '최대무게', '가장긴변', '대형'], en: ['maximum weight', 'max weight', 'size limit', 'largest box', 'how heavy'] },
  { id: 'sea', ko: ['해상', '배편', '선박'], en: ['sea', 'ocean', 'ship by sea', 'sea freight'] },
  { id: 'air', ko: ['항공'], en: ['air', 'airmail', 'by air', 'air freight'] },
  { id: 'transit_time', ko: ['소요기간', '며칠', '얼마나걸', '기간', '언제도착', '언제와', '언제받', '도착까지'], en: ['how long', 'how many days', 'delivery time', 'transit time', 'take to arrive', 'when will it arrive', 'business day*', 'arrive by', 'delivery take'] },
  { id: 'tracking', ko: ['배송조회', '조회', '트래킹', '운송장', '송장', '어디쯤', '위치'], en: ['track*', 'waybill', 'tracking number', 'check the status', 'status', 'where is my', "where's my"] },
  { id: 'delay', ko: ['지연', '늦어', '늦게', '오래걸', '안움직', '멈춰'], en: ['delay*', 'late', 'slow', 'stuck', 'taking long', 'longer', 'still not', 'taking forever', 'overdue'] },
  { id: 'compensation', ko: ['보상', '배상'], en: ['compensat*', 'reimburs*', 'make up for'] },
  { id: 'peak_season', ko: ['성수기', '블랙프라이데이', '블프', '연말', '설', '추석'], en: ['peak season', 'black friday', 'holiday season', 'christmas'] },
  { id: 'domestic_courier', ko: ['국내택배', '택배사', '대한통운', 'cj', '한진', '롯데택배', '국내배송'], en: ['courier', 'domestic delivery', 'cj', 'hanjin', 'lotte', 'local delivery'] },
  { id: 'jeju_remote', ko: ['제주', '도서산간', '섬', '울릉'], en: ['jeju', 'remote area', 'island'] },
  { id: 'delivered_missing', ko: ['배송완료인데', '배송완료라고', '물건이없', '못받', '안왔'], en: ['says delivered', 'marked delivered', 'delivered but', 'not here', "didn't receive", 'never received'] },
  { id: 'address_change', ko: ['주소변경', '주소바꾸', '주소를바꾸', '수취인변경', '수취인이름', '받는사람변경', '배송지변경', '이름바꿀'], en: ['change the address', 'change my address', 'address change', 'change the recipient', 'recipient name', 'change recipient'] },
  { id: 'recipient', ko: ['수취인', '받는사람', '받는분', '수령인'], en: ['recipient', 'receiver', 'addressee'] },
  { id: 'overseas_address', ko: ['해외주소', '해외로', '역직구', '해외발송'], en: ['outside korea', 'outside of korea', 'instead of korea', 'overseas address', 'ship abroad', 'other countries', 'another country'] },

  // customs
  { id: 'customs', ko: ['통관', '세관'], en: ['customs', 'clearance'] },
  { id: 'customs_code', ko: ['개인통관고유부호', '통관고유부호', '통관부호', '통관번호'], en: ['customs code', 'customs clearance code', 'clearance code', 'pccc', 'personal customs'] },
  { id: 'duty', ko: ['관세', '부가세', '관부가세', '세금'], en: ['duty', 'duties', 'tariff*', 'vat', 'tax', 'taxes', 'import tax', 'import duty', 'customs fee*', 'customs charge*'] },
  { id: 'duty_free', ko: ['면세', '면세한도', '면세기준', '면세범위', '비과세'], en: ['duty-free', 'duty free', 'tax-free', 'tax free', 'de minimis', 'limit', 'exempt*', 'threshold'] },
  { id: 'combined_tax', ko: ['합산과세', '합쳐서세금', '합산'], en: ['combined taxation', 'combined', 'taxed together', 'same day'] },
  { id: 'customs_hold', ko: ['통관보류', '보류', '세관검사', '검사', '사유서'], en: ['hold', 'held', 'inspection', 'customs inspection', 'selected for inspection'] },
  { id: 'unipass', ko: ['유니패스', '관세청'], en: ['unipass', 'korea customs service'] },
  { id: 'foreigner', ko: ['외국인', '외국인등록'], en: ['foreigner', 'foreign resident', 'alien registration', 'expat', 'non-korean'] },
  { id: 'radio_cert', ko: ['전파인증', 'kc인증', '인증'], en: ['radio certification', 'kc certification', 'certification'] },
  { id: 'duty_rate', ko: ['관세율', '세율'], en: ['duty rate', 'tax rate', 'customs rate'] },

  // prohibited
  { id: 'prohibited', ko: ['금지', '제한', '보낼수있', '보내도되', '보낼수없', '불가', '보내도돼', '배송가능', '반입'], en: ['prohibit*', 'restrict*', 'banned', 'allowed', 'can i ship', 'can i send', 'not allowed', 'can you ship', 'okay to ship', 'ok to ship', 'allowed to send'] },
  { id: 'battery', ko: ['배터리', '보조배터리', '리튬'], en: ['batter*', 'power bank', 'lithium'] },
  { id: 'perfume', ko: ['향수', '매니큐어', '네일'], en: ['perfume', 'fragrance', 'cologne', 'nail polish'] },
  { id: 'supplement', ko: ['영양제', '건강기능식품', '비타민', '의약품', '약', '건강식품', '약품', '알약'], en: ['supplement*', 'vitamin*', 'medicine', 'medication', 'pills', 'bottles', 'capsule*', 'pill*'] },
  { id: 'meat_food', ko: ['육포', '소시지', '고기', '육류', '사료'], en: ['jerky', 'sausage*', 'meat', 'pet food', 'dog food', 'cat food'] },
  { id: 'alcohol', ko: ['주류', '와인', '맥주', '위스키', '양주', '소주', '사케'], en: ['alcohol*', 'wine', 'beer', 'liquor', 'whisk*', 'sake', 'spirits'] },
  { id: 'weapons', ko: ['총', '칼', '도검', '비비탄'], en: ['gun*', 'knife', 'knives', 'sword*', 'airsoft'] },

  // payment
  { id: 'payment_method', ko: ['결제수단', '결제방법', '결제돼', '결제되', '결제가능'], en: ['payment method*', 'pay with', 'pay by', 'accept', 'take', 'how can i pay', 'how do i pay'] },
  { id: 'card', ko: ['카드', '신용카드', '체크카드'], en: ['card', 'credit card', 'debit card'] },
  { id: 'foreign_card', ko: ['해외카드', '해외발행', '외국카드', '비자', '마스터', 'jcb'], en: ['foreign card', 'overseas card', 'international card', 'visa', 'mastercard', 'jcb', 'issued abroad'] },
  { id: 'easy_pay', ko: ['카카오페이', '네이버페이', '간편결제', '페이팔', '애플페이'], en: ['kakaopay', 'kakao pay', 'naver pay', 'paypal', 'apple pay'] },
  { id: 'installment', ko: ['할부'], en: ['installment*', 'instalment*', 'monthly payments'] },
  { id: 'virtual_account', ko: ['무통장', '가상계좌', '계좌이체', '입금'], en: ['virtual account', 'bank transfer', 'deposit', 'wire', 'transfer'] },
  { id: 'depositor_name', ko: ['입금자명', '입금자', '이름이달'], en: ['depositor name', 'sender name', 'different name'] },
  { id: 'payment_failed', ko: ['결제실패', '결제오류', '결제가안', '결제안돼', '결제가되지', '잠겼', '잠김'], en: ['payment failed', 'failed', 'declined', 'error', "won't let me pay", 'locked'] },
  { id: 'double_charge', ko: ['두번결제', '이중결제', '중복결제', '두번청구'], en: ['charged twice', 'double charg*', 'duplicate'] },
  { id: 'exchange_rate', ko: ['환율'], en: ['exchange rate', 'currency', 'fx', 'conversion'] },
  { id: 'receipt', ko: ['영수증', '현금영수증', '매출전표', '증빙', '카드전표'], en: ['receipt*', 'card slip', 'proof of payment'] },
  { id: 'tax_invoice', ko: ['세금계산서', '계산서'], en: ['tax invoice', 'invoice'] },
  { id: 'deposit_balance', ko: ['예치금', '잔액'], en: ['deposit balance', 'balance', 'store credit'] },
  { id: 'withdraw', ko: ['출금', '현금으로', '돌려받', '인출'], en: ['withdraw*', 'cash out', 'to my bank'] },
  { id: 'crypto', ko: ['암호화폐', '비트코인', '코인', '가상화폐'], en: ['crypto*', 'bitcoin', 'ethereum', 'usdt'] },
  { id: 'coupon', ko: ['쿠폰', '할인코드'], en: ['coupon*', 'promo code', 'discount code'] },

  // returns and claims
  { id: 'return', ko: ['반품', '반송'], en: ['return*', 'send back', 'send it back'] },
  { id: 'exchange', ko: ['교환'], en: ['exchange it', 'exchange for', 'exchange the', 'an exchange', 'swap', 'replacement'] },
  { id: 'refund', ko: ['환불', '돌려받', '돌려주'], en: ['refund*', 'money back', 'reimburse*', 'get my money', 'money returned'] },
  { id: 'change_of_mind', ko: ['단순변심', '변심', '마음이바뀌'], en: ['change of mind', 'changed my mind', "don't want it"] },
  { id: 'damage', ko: ['파손', '깨져', '깨졌', '깨진', '부서', '찌그러', '망가', '흠집', '스크래치', '금이'], en: ['damag*', 'broken', 'broke', 'cracked', 'shattered', 'crushed', 'scratch*', 'dent*'] },
  { id: 'wrong_item', ko: ['오배송', '잘못온', '잘못왔', '다른물건', '다른상품', '오출고'], en: ['wrong item', 'wrong product', 'sent me the wrong', 'wrong one', 'different item'] },
  { id: 'missing_item', ko: ['누락', '빠졌', '일부'], en: ['missing', 'not included'] },
  { id: 'lost', ko: ['분실', '잃어버', '사라졌'], en: ['lost', 'loss', 'missing parcel'] },
  { id: 'claim', ko: ['클레임', '접수'], en: ['claim*', 'report', 'file'] },
  { id: 'insurance', ko: ['보험', '보험료'], en: ['insurance', 'insured', 'insure'] },
  { id: 'deadline', ko: ['기한', '언제까지', '며칠안에', '이내'], en: ['deadline', 'how long do i have', 'within', 'by when', 'time limit', 'too late'] },
  { id: 'who_pays', ko: ['누가부담', '누가내', '부담', '책임'], en: ['who pays', 'who covers', 'responsib*', 'at fault', 'liable'] },

  // b2b specifics
  { id: 'moq', ko: ['moq', '최소주문', '최소수량', '최소발주', '최소주문금액'], en: ['moq', 'minimum order', 'minimum quantity', 'minimum amount'] },
  { id: 'sample', ko: ['샘플', '시제품'], en: ['sample*'] },
  { id: 'sourcing', ko: ['소싱', '공장', '제조사', '공급사', '공급처'], en: ['sourc*', 'factory', 'factories', 'manufactur*', 'supplier*'] },
  { id: 'net30', ko: ['net30', '후불', '외상', '결제조건'], en: ['net30', 'net 30', 'payment terms', 'terms', 'credit'] },
  { id: 'first_deal', ko: ['첫거래', '처음거래', '계약금', '선결제', '잔금'], en: ['first order', 'first deal', 'deposit', 'upfront', 'advance'] },
  { id: 'customs_broker', ko: ['관세사', '사업자통관', '수입자', '화주'], en: ['customs broker', 'importer', 'import clearance', 'broker'] },
  { id: 'contract', ko: ['계약', '정기배송', '정기', '월정산'], en: ['contract*', 'regular shipping', 'monthly', 'agreement'] },
  { id: 'discount', ko: ['할인', '싸게'], en: ['discount*', 'cheaper', 'reduced'] },
  { id: 'validity', ko: ['유효기간', '유효', '유지'], en: ['valid', 'validity', 'expire*', 'good for', 'held'] },
  { id: 'response_time', ko: ['언제답', '답이와', '회신', '응답', '답변'], en: ['response time', 'reply', 'respond', 'hear back', 'get back'] },

  // general
  { id: 'contact', ko: ['연락처', '전화', '이메일', '메일', '카카오톡', '카톡', '라이브챗', '채팅', '상담', '문의처', '고객센터', '연락'], en: ['contact', 'phone', 'phone number', 'email address', 'call', 'email', 'kakao*', 'live chat', 'chat', 'support', 'reach you', 'get in touch', 'talk to'] },
  { id: 'holiday', ko: ['공휴일', '휴무', '주말', '연휴', '쉬는날', '쉬어'], en: ['holiday*', 'weekend*', 'closed', 'day off'] },
  { id: 'membership', ko: ['회원등급', '등급', '멤버십', 'vip', '골드', '실버'], en: ['membership', 'tier*', 'vip', 'gold', 'silver', 'level'] },
  { id: 'new_member', ko: ['신규가입', '신규회원', '가입하면', '처음가입'], en: ['new member*', 'sign up', 'signup', 'new customer'] },
  { id: 'language', ko: ['영어', '일본어', '중국어'], en: ['english', 'japanese', 'chinese', 'language'] },
];
