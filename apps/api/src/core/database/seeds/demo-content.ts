/**
 * Demo workspace for "Harbor & Co. (하버앤코)", a small overseas-shopping and parcel-forwarding
 * agency that also takes B2B sourcing quotes. Invented for the product demo; every person,
 * company, order and tracking number here is fictional.
 */
export const DEMO_INBOXES = [
  { key: 'web', name: 'Website chat', channel: 'web_widget' as const },
  { key: 'b2b', name: 'B2B quotes', channel: 'web_widget' as const },
];

export const DEMO_BUSINESS_HOURS = {
  timezone: 'Asia/Seoul',
  days: { mon: { open: '10:00', close: '19:00' }, tue: { open: '10:00', close: '19:00' }, wed: { open: '10:00', close: '19:00' }, thu: { open: '10:00', close: '19:00' }, fri: { open: '10:00', close: '19:00' } },
};

export const DEMO_LABELS = [
  { name: 'vip', color: '#7c3aed', description: 'Repeat customer' },
  { name: 'customs', color: '#d97706', description: 'Held or inspected at customs' },
  { name: 'refund', color: '#dc2626', description: 'Refund in progress' },
  { name: 'bulk', color: '#2563eb', description: 'B2B bulk order' },
];

export const DEMO_CANNED = [
  { shortCode: 'hours', content: '상담 시간은 평일 오전 10시부터 오후 7시까지입니다. 남겨 주신 문의는 순서대로 답변드릴게요. / Our team is online Mon–Fri, 10:00–19:00 KST.' },
  { shortCode: 'track', content: '주문번호를 알려주시면 바로 배송 상황 확인해 드리겠습니다. / Please share your order number (HB-…) and I will check the tracking for you.' },
  { shortCode: 'thanks', content: '이용해 주셔서 감사합니다! 다른 궁금한 점 있으시면 언제든 말씀 주세요. 🙂' },
];

export const DEMO_ARTICLES = [
  {
    title: '구매대행 수수료 안내',
    locale: 'ko',
    tags: ['수수료', '구매대행'],
    body: '하버앤코 구매대행 수수료는 상품 금액(현지 세금·현지 배송비 포함)의 7%이며, 주문당 최소 수수료는 4,000원입니다.\n\n결제는 두 번 나누어 진행됩니다. 1차 결제는 상품 금액과 수수료, 2차 결제는 창고 입고 후 실측 무게로 계산한 국제 배송비입니다.\n\n판매자가 가격을 올린 경우 차액을 안내드리고, 승인해 주신 뒤에 구매합니다.',
  },
  {
    title: 'Forwarding address and suite number',
    locale: 'en',
    tags: ['warehouse', 'address'],
    body: 'Our US warehouse is in Portland, Oregon (no sales tax). When you check out on a US store, enter the warehouse address from My Page and put your suite number (HB followed by 6 digits) in address line 2.\n\nParcels without a suite number are held for up to 14 days while we identify the owner. Please register the tracking number in My Page so we can match the parcel faster.',
  },
  {
    title: '국제 배송 기간과 배송 조회',
    locale: 'ko',
    tags: ['배송', '조회'],
    body: '미국 창고 출고 후 한국 도착까지 보통 5~8 영업일이 걸립니다. 통관이 끝나면 CJ대한통운으로 국내 배송되며, 국내 운송장 번호는 카카오 알림톡과 마이페이지에서 확인할 수 있습니다.\n\n출고 후 10 영업일이 지나도 조회가 멈춰 있으면 채팅으로 주문번호(HB-로 시작)를 알려주세요. 담당자가 항공사와 통관 상태를 직접 확인해 드립니다.',
  },
  {
    title: '통관과 관부가세',
    locale: 'ko',
    tags: ['통관', '관세'],
    body: '미국에서 보내는 목록통관 대상 물품은 미화 200달러 이하까지 관부가세가 면제됩니다. 그 외 국가는 미화 150달러까지입니다.\n\n같은 날 한국에 도착한 여러 건은 합산 과세될 수 있습니다. 통관에는 개인통관고유부호가 꼭 필요하며, 수취인 이름과 일치해야 합니다.',
  },
  {
    title: '반품·환불 규정',
    locale: 'ko',
    tags: ['반품', '환불'],
    body: '창고 입고 전이라면 판매자 반품 규정에 따라 무료로 취소할 수 있습니다. 창고 입고 후 반품은 현지 반송비와 반품 대행 수수료 5,000원이 듭니다.\n\n환불은 판매자 환불이 확인된 날로부터 3 영업일 안에 결제하신 카드 또는 예치금으로 처리됩니다. 파손·오배송은 수령 후 48시간 안에 사진과 함께 알려주세요.',
  },
  {
    title: 'Payment methods',
    locale: 'en',
    tags: ['payment'],
    body: 'We accept Korean credit and debit cards, KakaoPay, Toss and bank transfer to a virtual account. Virtual accounts expire after 24 hours; an unpaid order is cancelled automatically.\n\nThe exchange rate is fixed at the moment you pay the first invoice. Cash receipts (현금영수증) are issued automatically for bank transfers.',
  },
  {
    title: 'B2B 대량 구매·소싱 견적',
    locale: 'ko',
    tags: ['B2B', '견적'],
    body: '사업자 고객은 대량 구매, 해외 공급처 소싱, 정기 배송 계약을 견적으로 진행합니다. 견적 요청 시 품목(링크 또는 모델명), 수량, 희망 단가, 납기, 도착지를 알려주시면 1 영업일 안에 첫 견적을 드립니다.\n\n최소 주문 금액은 300만원이며, 견적 유효 기간은 발행일로부터 14일입니다. 세금계산서 발행이 가능하고, 3회 이상 거래 후 심사를 거쳐 NET30 결제를 이용하실 수 있습니다.',
  },
  {
    title: 'Business hours and contact',
    locale: 'en',
    tags: ['hours', 'contact'],
    body: 'Our chat team is online Monday to Friday, 10:00–19:00 Korea time, except Korean public holidays. Messages sent after hours are answered the next business morning, in order.\n\nLeave your e-mail or phone number in the chat and we will reply there if you leave the page.',
  },
];

type Line = [who: 'contact' | 'agent', body: string, minutesAgo: number];

export interface DemoConversation {
  inbox: 'web' | 'b2b';
  contact: { name: string; email?: string; phone?: string; company?: string; locale: string };
  status: 'open' | 'pending' | 'resolved';
  priority: 'low' | 'medium' | 'high' | 'urgent';
  labels: string[];
  lines: Line[];
}

export const DEMO_CONVERSATIONS: DemoConversation[] = [
  {
    inbox: 'web',
    contact: { name: '김서연', email: 'seoyeon.kim@example.kr', locale: 'ko' },
    status: 'open',
    priority: 'high',
    labels: ['customs'],
    lines: [
      ['contact', '안녕하세요 주문번호 HB-20261112-0418 인데요 통관에서 며칠째 안 움직여요ㅠㅠ 이번주 금요일 선물이라 급해요', 42],
      ['contact', '개인통관고유부호는 제대로 넣었어요', 41],
    ],
  },
  {
    inbox: 'web',
    contact: { name: 'Daniel Park', email: 'dpark@example.com', locale: 'en' },
    status: 'open',
    priority: 'medium',
    labels: [],
    lines: [['contact', "Hi! I bought running shoes on a US store and used your Portland address, but I forgot the suite number. Will it still reach me?", 18]],
  },
  {
    inbox: 'web',
    contact: { name: '이준호', phone: '010-2837-4410', locale: 'ko' },
    status: 'pending',
    priority: 'medium',
    labels: ['refund'],
    lines: [
      ['contact', '지난주에 취소한 주문 환불 언제 들어와요? HB-20261105-0077 입니다', 300],
      ['agent', '안녕하세요 준호님, 판매자 환불이 11월 18일에 확인되어 3 영업일 안에 카드로 환불됩니다. 처리되면 바로 알려드릴게요!', 280],
      ['contact', '네 감사합니다', 275],
    ],
  },
  {
    inbox: 'web',
    contact: { name: '박하늘', email: 'sky.park@example.kr', locale: 'ko' },
    status: 'open',
    priority: 'low',
    labels: ['vip'],
    lines: [['contact', '아마존 링크 3개 구매대행 부탁드려요~ 사이즈는 전부 M으로요. 수수료 몇 % 인가요?', 9]],
  },
  {
    inbox: 'web',
    contact: { name: 'Emily Choi', email: 'emily.choi@example.com', locale: 'en' },
    status: 'resolved',
    priority: 'low',
    labels: [],
    lines: [
      ['contact', 'what payment methods do u take? my card is from Canada', 1500],
      ['agent', 'Hi Emily! We take Korean cards, KakaoPay, Toss and bank transfer. Foreign cards are not supported yet, sorry — a Korean bank transfer works if a friend or family member can help.', 1490],
      ['contact', 'ok thanks!', 1480],
    ],
  },
  {
    inbox: 'b2b',
    contact: { name: '최민석', email: 'minseok@hanbitlab.example.kr', phone: '02-555-0142', company: '한빛랩(주)', locale: 'ko' },
    status: 'open',
    priority: 'high',
    labels: ['bulk'],
    lines: [
      ['contact', '안녕하세요, 한빛랩 구매팀입니다. 미국 브랜드 실험용 장갑 2,000박스 견적 부탁드립니다. 희망 단가 박스당 9달러, 12월 15일까지 서울 성수동 도착이면 좋겠습니다.', 65],
      ['contact', '세금계산서 발행 가능할까요?', 64],
    ],
  },
  {
    inbox: 'b2b',
    contact: { name: 'Sarah Lim', email: 'sarah@brightnest.example.com', company: 'BrightNest Home', locale: 'en' },
    status: 'open',
    priority: 'medium',
    labels: ['bulk'],
    lines: [['contact', 'Hello, we are a home-goods store in Busan. Could you quote monthly consolidation of ~40 cartons from Japan suppliers? What is your minimum order and how long is a quote valid?', 130]],
  },
];
