/**
 * Word lists behind the contact line parser. They are heuristics tuned for the lines Korean and
 * English small-business visitors actually type; extend them when a real line is misread.
 */

export type LabelKind = 'name' | 'company' | 'phone' | 'email' | 'ignore';

/** Field labels as typed before a value ("이름:", "Company:", "Tel."). Matched case-insensitively. */
// prettier-ignore
export const FIELD_LABELS: Record<LabelKind, readonly string[]> = {
  name: ['이름', '성함', '성명', '담당자명', '담당자', '담당', '고객명', 'name', 'full name', 'contact name', 'contact person', 'your name'],
  company: ['회사명', '회사', '상호명', '상호', '업체명', '업체', '소속', '기업명', '법인명', 'company name', 'company', 'organization', 'organisation', 'org',
    'business', 'firm'],
  phone: ['전화번호', '전화', '연락처', '휴대폰번호', '휴대폰', '핸드폰', '휴대전화', '폰', '번호', '직통', 'hp', 'h.p', 'tel', 'telephone', 'phone', 'mobile', 'mob',
    'cell', 'cellphone', 'whatsapp'],
  email: ['이메일', '이메일주소', '메일', '메일주소', '전자우편', 'e-mail', 'email', 'mail', 'email address'],
  ignore: ['직함', '직급', '직책', '부서', '주소', '메모', '요청사항', '문의', '문의사항', 'title', 'position', 'address', 'memo', 'note', 'notes', 'message',
    'dept', 'department'],
};

/** Phrases that introduce a name without a colon ("my name is John", "성함은 홍길동"). */
export const NAME_PHRASES: readonly string[] = ['my name is', 'name is', "i'm", 'i am', 'this is', '제 이름은', '이름은', '성함은', '저는'];
export const COMPANY_PHRASES: readonly string[] = [
  '회사명은',
  '회사는',
  '상호는',
  '업체는',
  '업체명은',
  'i work at',
  'i work for',
  'company is',
];

/** Korean family names, by frequency; compound ones are checked first. */
export const KO_COMPOUND_SURNAMES: ReadonlySet<string> = new Set(['남궁', '황보', '제갈', '선우', '독고', '사공', '서문', '동방']);
export const KO_SURNAMES: ReadonlySet<string> = new Set([
  ...'김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉사부가복태목형계피두감음빈동온호범좌팽승간상갈시리림',
]);

/** Words that start with a family-name syllable but are not names. */
// prettier-ignore
export const KO_STOPWORDS: ReadonlySet<string> = new Set([
  '안녕', '안녕하세요', '감사', '감사합니다', '부탁', '부탁드립니다', '부탁해요', '문의', '문의드립니다', '견적', '견적요청', '견적문의', '주문', '주문번호', '배송', '전화', '전화번호', '연락',
  '연락처', '연락주세요', '이메일', '메일', '이름', '성함', '성명', '회사', '회사명', '상호', '업체', '업체명', '소속', '담당', '담당자', '휴대폰', '핸드폰', '휴대전화', '번호', '주소',
  '사업자', '사업자번호', '고객', '고객님', '확인', '가능', '급함', '급해요', '카톡', '카카오톡', '오전', '오후', '내일', '오늘', '평일', '주말', '시간', '언제든', '아무때나', '회신', '답장',
  '제품', '상품', '수량', '가격', '금액', '결제', '환불', '교환', '반품', '취소', '입금', '대량', '구매', '납품', '샘플', '개인', '없음', '없어요', '모름', '미정', '무관', '직장',
  '자택', '사무실', '대표번호', '내선', '팩스', '저는', '제가', '정보', '문자', '조회', '박스', '최대', '최소', '전달', '안내', '성함은', '이름은', '서울', '부산', '대구', '인천', '광주',
  '대전', '울산', '경기', '한국', '제주', '드림', '올림', '배상', '연락바랍니다', '연락부탁', '기타', '참고', '예정', '정도', '이상', '이하', '미만', '구입', '발주', '납기', '도매', '소매',
  '유선', '무선', '신규', '기존', '거래', '거래처', '방문', '상담', '상담원', '직접', '우선', '빠른', '가급적', '혹시', '그리고', '인스타', '인스타그램', '블로그', '홈페이지', '네이버',
  '카카오', '위챗', '라인', '문자로', '연락바람', '부재시', '통화',
]);

/** Job titles and honorifics stripped from names ("홍길동 과장님" → "홍길동"). Longest first. */
// prettier-ignore
export const KO_TITLE_SUFFIXES: readonly string[] = [
  '본부장', '부사장', '연구원', '매니저', '선생님', '센터장', '지점장', '팀장', '과장', '차장', '부장', '실장', '대리', '주임', '사원', '이사', '상무', '전무', '사장', '대표', '원장',
  '교수', '책임', '선임', '수석', '점장', '소장', '회장', '국장', '담당자', '선생',
];
export const KO_HONORIFIC_SUFFIXES: readonly string[] = ['님', '씨'];
export const KO_COPULA_SUFFIXES: readonly string[] = ['이라고합니다', '라고합니다', '입니다', '이에요', '예요', '이고요', '이고', '이며'];
export const KO_SENTENCE_ENDING = /(니다|세요|어요|아요|해요|에요|예요|까요|네요|군요|죠|드림|올림)$/;

/** Company markers written before or after the name ("㈜한빛", "주식회사 한빛", "한빛 (주)"). */
// prettier-ignore
export const KO_COMPANY_MARKERS: readonly string[] = [
  '주식회사', '유한회사', '합자회사', '합명회사', '사단법인', '재단법인', '농업회사법인', '(주)', '(유)', '(사)', '(재)', '(합)', '(株)', '(有)',
];
/** Endings that make a Hangul word a business name ("한빛상사", "오션무역"). Generic nouns like 개발, 디자인 are left out on purpose. */
// prettier-ignore
export const KO_COMPANY_SUFFIXES: readonly string[] = [
  '상사', '무역', '코리아', '컴퍼니', '스토어', '산업', '전자', '물산', '건설', '기업', '그룹', '테크', '솔루션', '솔루션즈', '시스템', '시스템즈', '통상', '유통', '상회', '공업', '제약',
  '화학', '식품', '푸드', '물류', '미디어', '커머스', '네트웍스', '네트웍', '인터내셔널', '글로벌', '홀딩스', '파트너스', '코퍼레이션', '벤처스', '랩스', '스튜디오', '엔지니어링', '컨설팅', '닷컴',
  '소프트', '에너지', '바이오', '인더스트리', '트레이딩', '팩토리', '공방', '베이커리', '약국', '병원', '의원', '치과', '한의원', '학원', '연구소', '협회', '재단', '엔터테인먼트', '코스메틱',
  '어패럴', '농장', '농원', '수산', '상점', '여행사', '출판사', '사무소', '법무법인', '회계법인', '정보통신', '마트', '샵', '전기', '기계', '정밀', '케미칼',
];

/** English words that mark a business name; matched lower-cased without dots. */
// prettier-ignore
export const EN_COMPANY_MARKERS: ReadonlySet<string> = new Set([
  'inc', 'incorporated', 'co', 'coltd', 'company', 'corp', 'corporation', 'ltd', 'limited', 'llc', 'llp', 'plc', 'gmbh', 'ag', 'sa', 'sas',
  'bv', 'nv', 'pty', 'kk', 'trading', 'store', 'shop', 'group', 'holdings', 'industries', 'industrial', 'labs', 'lab', 'studio', 'studios',
  'systems', 'solutions', 'technologies', 'technology', 'tech', 'partners', 'ventures', 'enterprises', 'enterprise', 'international',
  'intl', 'global', 'logistics', 'foods', 'market', 'mart', 'electronics', 'networks', 'media', 'commerce', 'consulting', 'korea', 'trade',
  'imports', 'exports', 'manufacturing', 'pharma', 'cosmetics', 'apparel', 'bakery', 'cafe', 'clinic', 'agency',
]);
/** Legal forms: they name no business on their own ("Co. Ltd." is not a company), and may follow a comma. */
// prettier-ignore
export const EN_LEGAL_FORMS: ReadonlySet<string> = new Set([
  'inc', 'incorporated', 'co', 'coltd', 'corp', 'corporation', 'ltd', 'limited', 'llc', 'llp', 'plc', 'gmbh', 'ag', 'sa', 'sas', 'bv',
  'nv', 'pty', 'kk',
]);
export const EN_CONNECTORS: ReadonlySet<string> = new Set(['&', 'and', 'of', 'the', '+', 'de']);

export const EN_HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'mme', 'mister']);
// prettier-ignore
export const EN_TITLES: ReadonlySet<string> = new Set([
  'manager', 'director', 'ceo', 'cto', 'cfo', 'coo', 'president', 'vp', 'owner', 'founder', 'co-founder', 'cofounder', 'buyer',
  'purchasing', 'procurement', 'sales', 'marketing', 'head', 'lead', 'engineer', 'assistant', 'associate', 'representative', 'rep',
  'officer', 'executive', 'general', 'senior', 'junior', 'chief', 'supervisor', 'coordinator', 'specialist', 'consultant', 'admin',
  'administrator', 'staff', 'intern', 'designer', 'developer', 'md', 'gm', 'team', 'dept', 'department', 'account', 'accounts',
  'operations',
]);
/** Capitalised words that are not names (greetings, sign-offs, places, filler). */
// prettier-ignore
export const EN_STOPWORDS: ReadonlySet<string> = new Set([
  'hello', 'hi', 'hey', 'dear', 'thanks', 'thank', 'you', 'please', 'pls', 'call', 'contact', 'me', 'my', 'name', 'is', 'i', "i'm", 'im',
  'this', 'quote', 'request', 'order', 'number', 'no', 'phone', 'email', 'mail', 'tel', 'mobile', 'company', 'regards', 'best', 'cheers',
  'sincerely', 're', 'fw', 'fwd', 'asap', 'urgent', 'seoul', 'busan', 'incheon', 'daegu', 'south', 'usa', 'us', 'uk', 'japan', 'china',
  'today', 'tomorrow', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'ok', 'okay', 'yes', 'n/a', 'na',
  'none', 'inquiry', 'question', 'price', 'sample', 'bulk', 'purchase', 'office', 'home', 'work', 'fax', 'ext', 'kakaotalk', 'kakao',
  'whatsapp', 'line', 'wechat', 'from', 'at', 'for', 'with', 'here', 'reach', 'via', 'or', 'and', 'the', 'a', 'an', 'to', 'am', 'pm',
  'talk', 'soon', 'later', 'bye', 'shipping', 'delivery', 'invoice', 'catalog', 'catalogue', 'info', 'information', 'thx', 'tks', 'ty', 'hp', 'cell', 'korea', 'seoul,',
]);

/** Text right before a number that says it is not a phone ("주문번호 12345", "$ 5000"). */
export const NOT_PHONE_BEFORE =
  /(?<![\p{L}\p{N}])(?:주문번호|주문|사업자\s*(?:등록)?\s*번호|사업자|등록번호|계좌\s*번호|계좌|송장\s*번호|송장|운송장|우편번호|인보이스|모델명?|수량|가격|금액|예산|합계|단가|총|약|order\s*(?:no|number|#|id)?|invoice|tracking|account|acct|zip|postal|model|qty|quantity|price|total|budget|amount|no|#|\$|₩|usd|krw)\s*[.:#]?\s*$/iu;
/** Text right after a number that says it is an amount, a date or a quantity ("50만원", "100개"). */
export const NOT_PHONE_AFTER =
  /^\s*(?:만\s*원|천\s*원|개월|박스|세트|시간|번지|달러|(?:억|원|개|건|명|통|장|대|회|년|월|일|시|분|초|평|층|호|주|불)(?![가-힣])|%|(?:ea|pcs|won|krw|usd|dollars?|kg|cm|mm|units?|boxes|box|sets?|days?|hours?|years?|months?)\b)/i;
export const FAX_BEFORE = /(?<![\p{L}])(?:(?:팩스|fax)\s*(?:번호)?\s*[.:)]?|f\s*[.:)])\s*$/iu;
const PHONE_LABEL_WORDS = FIELD_LABELS.phone.map((l) => l.replace(/\./g, '\\.')).join('|');
export const PHONE_LABEL_BEFORE = new RegExp(`(?<![\\p{L}])(?:${PHONE_LABEL_WORDS}|[tmp](?=\\s*[.:]))\\s*(?:번호)?\\s*[.:)]?\\s*$`, 'iu');
