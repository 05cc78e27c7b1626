/**
 * Urgency rules, written from the help desk's definition of urgent: acting late causes a real loss or
 * misses a near deadline. Recall matters more than precision (a missed urgent ticket costs more than a
 * false alarm), so these fire on their own; the learned model adds cases the rules do not phrase.
 *
 * Rules read the text with numbers kept (we need "10일", "2 weeks") and with Korean spacing removed.
 */
import { compactHangulSpacing, normalizeText } from '../text/normalize';

export interface UrgencyRuleHit {
  rule: 'money_in_limbo' | 'account_takeover' | 'stop_purchase' | 'stuck_or_lost' | 'near_deadline';
}

const KO_DAY =
  '(?:오늘|금일|내일|낼|모레|이번주|이번주말|주말|[월화수목금토일]요일|당일|오늘밤|오늘저녁|몇시간|\\d+시간(?:밖에|만|도)?(?:안)?남|\\d+시간(?:안에|내에|뒤에|후에)|[1-3]일(?:밖에|만|도)?(?:안)?남|하루(?:밖에)?(?:안)?남|며칠안남)';
const KO_DEADLINE_REASON =
  '(?:세일|할인|경매|입찰|낙찰|마감|종료|끝나|끝이|선물|생일|생신|행사|기념일|반품기한|반품기간|반품마감|출국|여행|결혼식|발매|오픈|출시|써야|받아야|필요해|필요한|입어야|가져가야|시험)';
const EN_DAY = '(?<!next )(?:today|tonight|tomorrow|this (?:week|weekend|friday|saturday|sunday|monday)|by (?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tues|wednes|thurs|fri|satur|sun)day|in (?:a few|\\d+) hours|end of (?:the )?day|eod)';
const EN_DEADLINE_REASON =
  '(?:sale|auction|bid|deadline|ends?|ending|closes?|closing|expires?|gift|birthday|wedding|anniversary|event|flight|trip|leav(?:e|ing)|return window|need it|release|drop|exam)';

const RULES: Array<{ rule: UrgencyRuleHit['rule']; ko?: RegExp; en?: RegExp }> = [
  {
    rule: 'money_in_limbo',
    ko: /두번(?:결제|빠|청구|승인|출금)|이중(?:결제|청구|승인|출금)|중복(?:결제|청구|승인|출금)|2번(?:결제|청구)|(?:결제|승인|청구)(?:가|이)?두번|결제.{0,8}(?:실패|오류|에러|안됐|안되었|취소).{0,16}(?:빠져|빠졌|빠짐|승인|출금|청구|결제됐|결제되었|문자)|(?:빠져나갔|출금됐|출금되었|승인됐|승인되었).{0,12}(?:실패|오류|주문(?:이|에)?없|반영(?:이)?안|확인(?:이)?안)|돈만빠|돈은빠|다른주문으로(?:들어|입금)|(?:payment|charge|결제|청구)\s?(?:가|이)?\s?두\s?번\s?(?:됐|되었|나갔|빠)|(?:승인|결제|청구|출금)(?:문자|알림|내역)?(?:가|이)?(?:2|두)(?:번|건)(?:왔|떴|찍|나갔|됐|빠)/,
    en: /charged (?:me )?twice|pending (?:charge|hold|payment).{0,60}(?:failed|declined|error)|(?:failed|declined|error).{0,60}pending (?:charge|hold)|double[- ]?charg|duplicate (?:charge|payment)|billed twice|two charges|(?:payment|transaction|checkout) (?:failed|declined|errored|error).{0,60}(?:charged|taken|deducted|debited|withdrawn)|(?:charged|deducted|debited|money was taken).{0,60}(?:failed|declined|error|no order|not (?:on|in) (?:my|the) order)/,
  },
  {
    rule: 'account_takeover',
    ko: /해킹|도용|피싱|스미싱|모르는(?:로그인|결제|기기|접속)|로그인기록|제가한게아닌|내가한게아닌|결제(?:요청|링크)(?:가|를|을)?문자|비밀번호가(?:저도모르게|바뀌어|바뀌었)|이상한(?:결제)?링크|(?:개인|다른)(?:계좌|통장)(?:번호)?.{0,16}(?:입금|송금|보내)/,
    en: /\bhacked\b|unauthori[sz]ed|phishing|someone (?:else )?(?:logged|has access|changed my)|account (?:was |has been )?compromised|not me who|scam (?:text|link|sms)/,
  },
  {
    rule: 'stop_purchase',
    ko: /(?:구매|주문|결제|진행)(?:를|을)?(?:바로|당장|지금|일단|잠깐)?(?:중지|멈추|멈춰|보류|중단|스톱)(?:해|시켜|부탁|요청|좀|주세|해주)|사지(?:마|말)|구매하지(?:마|말)|진행하지(?:마|말)|멈춰(?:주|줘)|중단해(?:주|줘)/,
    en: /(?:don'?t|do not|please don'?t) (?:buy|purchase|order|proceed)|stop (?:the |my )?(?:purchase|order|buying)|(?:hold|halt) (?:the |my )?(?:purchase|order)/,
  },
  {
    rule: 'stuck_or_lost',
    ko: /(?:통관|세관|국제운송|운송중|배송|택배|조회|업데이트|트래킹|출고|못받|안와|언제와|보류).{0,24}(?:일주일|[7-9]일|[1-9]\d일|열흘|보름|[2-9]주|두주|세주|한달|몇주)(?:째|넘|이상|동안|가까이|지났|가량|되|됐|가)?|(?:일주일|[7-9]일|[1-9]\d일|열흘|보름|[2-9]주|두주|세주|한달|몇주)(?:째|넘|이상|동안|가까이|지났|가량|되|됐|가).{0,24}(?:통관|세관|운송|조회|업데이트|안와|못받|안움직|멈춰|그대로|배송|도착)|분실(?:된|된것|인가|같|이|됐)|행방불명|(?:택배|박스|물건|소포|상품|패키지|짐)(?:이|가)?.{0,10}사라졌/,
    en: /(?:customs|clearance|held|stuck|in transit|tracking|no update|hasn'?t (?:moved|updated|arrived)|not arrived|still not).{0,60}(?:\b(?:[7-9]|[1-9]\d) (?:business )?days|a week|over a week|(?:two|three|2|3) weeks|weeks)|(?:\b(?:[7-9]|[1-9]\d) (?:business )?days|a week|(?:two|three|2|3) weeks).{0,60}(?:customs|stuck|transit|no update|tracking|not moved|hasn'?t moved)|\b(?:is it|it'?s|got|gone|been|parcel|package|box) lost\b|\blost (?:in transit|package|parcel)/,
  },
];

export function urgencyRuleHits(text: string): UrgencyRuleHit[] {
  const spaced = normalizeText(text, { placeholders: false });
  const compact = compactHangulSpacing(spaced).replace(/ (?=[가-힣])|(?<=[가-힣]) /g, '');
  const hits: UrgencyRuleHit[] = [];
  for (const { rule, ko, en } of RULES) {
    if ((ko && ko.test(compact)) || (en && en.test(spaced))) hits.push({ rule });
  }
  if (hasNearDeadline(compact, spaced)) hits.push({ rule: 'near_deadline' });
  return hits;
}

const KO_DAY_RE = new RegExp(KO_DAY);
const KO_REASON_RE = new RegExp(KO_DEADLINE_REASON);
const EN_DAY_RE = new RegExp(`\\b${EN_DAY}\\b`);
const EN_REASON_RE = new RegExp(`\\b${EN_DEADLINE_REASON}\\b`);

/** A named near day together with a reason that makes the day a deadline (a sale, a gift, a flight). */
function hasNearDeadline(compact: string, spaced: string): boolean {
  return (KO_DAY_RE.test(compact) && KO_REASON_RE.test(compact)) || (EN_DAY_RE.test(spaced) && EN_REASON_RE.test(spaced));
}
