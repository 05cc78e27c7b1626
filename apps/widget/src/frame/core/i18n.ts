import type { InboxAvailability } from '@parley/shared/contracts';
import type { QuoteRequestStatus } from '@parley/shared/domain';

export type Locale = 'ko' | 'en';

/** An explicit `locale` param wins; otherwise Korean browsers get Korean and everyone else English. */
export function pickLocale(param: string | null | undefined, browserLanguage: string | null | undefined): Locale {
  const explicit = (param || '').trim().toLowerCase();
  if (explicit === 'ko' || explicit.indexOf('ko-') === 0) return 'ko';
  if (explicit === 'en' || explicit.indexOf('en-') === 0) return 'en';
  return (browserLanguage || '').toLowerCase().indexOf('ko') === 0 ? 'ko' : 'en';
}

const en = {
  title: 'Chat',
  openChat: 'Open chat',
  closeChat: 'Close chat',
  unread: (n: number) => (n === 1 ? '1 unread message' : n + ' unread messages'),
  online: 'Online',
  away: 'Away',
  replyIn: (minutes: number | null) =>
    minutes === null
      ? 'We typically reply in a few minutes'
      : minutes <= 1
        ? 'Typically replies in under a minute'
        : minutes < 60
          ? 'Typically replies in ' + minutes + ' minutes'
          : 'Typically replies in about ' + plural(Math.round(minutes / 60), 'hour'),
  awayUntil: (when: string | null) =>
    when ? "We're away. We'll reply " + when + '.' : "We're away right now. We'll reply as soon as we can.",
  today: (time: string) => 'at ' + time,
  tomorrow: (time: string) => 'tomorrow at ' + time,
  weekday: (day: string, time: string) => 'on ' + day + ' at ' + time,
  messages: 'Messages',
  greeting: 'Hi! How can we help?',
  composerLabel: 'Message',
  composerPlaceholder: 'Write a message…',
  send: 'Send',
  charCount: (n: number, max: number) => n.toLocaleString('en') + ' / ' + max.toLocaleString('en'),
  tooLong: (max: number) => 'Messages can be up to ' + max.toLocaleString('en') + ' characters.',
  you: 'You',
  support: 'Support',
  bot: 'Bot',
  sending: 'Sending…',
  sent: 'Sent',
  read: 'Read',
  failed: 'Not sent',
  failedReason: (code: string): string =>
    code === 'message_too_long' ? 'Too long to send.' : code === 'message_empty' ? 'The message is empty.' : 'It could not be sent.',
  retry: 'Retry',
  discard: 'Delete',
  typing: (name: string | null) => (name || 'Support') + ' is typing…',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  resolved: 'This conversation is closed. Send a message to start a new one.',
  captureAsk: 'How can we reach you?',
  captureLabel: 'Your name, email or phone number',
  capturePlaceholder: 'Name / 010-1234-5678 / you@example.com',
  captureSave: 'Save',
  captureInvalid: 'Enter an email address or a phone number.',
  captureFailed: 'Could not save it. Please try again.',
  captureThanks: "Thanks! We'll get back to you there.",
  quoteTitle: 'Quote request',
  quoteItem: (n: number) => 'Item ' + n,
  quoteProduct: 'Product name or URL',
  quoteQuantity: 'Quantity',
  quotePrice: 'Target unit price',
  quoteCurrency: 'Currency',
  quoteAddItem: 'Add an item',
  quoteRemoveItem: (n: number) => 'Remove item ' + n,
  quoteDeadline: 'Needed by',
  quoteCountry: 'Destination country',
  quoteCountryNone: 'Not decided',
  quoteCountryOther: 'Other…',
  quoteCountryCode: 'Country code (2 letters, e.g. FR)',
  quoteNotes: 'Notes',
  quoteName: 'Name',
  quoteCompany: 'Company',
  quoteEmail: 'Email',
  quotePhone: 'Phone',
  quoteSubmit: 'Request a quote',
  quoteItemInvalid: (n: number) => 'Item ' + n + ': enter a product name or URL and a whole quantity (prices are positive numbers).',
  quoteCountryInvalid: 'Enter the country as a 2-letter code.',
  quoteContactMissing: 'Leave an email or a phone number so we can send the quote.',
  quoteRejected: 'Please check the form and try again.',
  quoteFailed: 'Could not send it. Please try again.',
  quoteReceived: (displayId: number) => 'Quote request Q-' + displayId + ' received',
  quoteStatus: { new: 'New', in_review: 'In review', quoted: 'Quoted', accepted: 'Accepted', declined: 'Declined', expired: 'Expired' } as Record<QuoteRequestStatus, string>,
};

export type Strings = typeof en;

const ko: Strings = {
  title: '채팅',
  openChat: '채팅 열기',
  closeChat: '채팅 닫기',
  unread: (n) => '읽지 않은 메시지 ' + n + '개',
  online: '상담 가능',
  away: '부재 중',
  replyIn: (minutes) =>
    minutes === null
      ? '보통 몇 분 안에 답변해요'
      : minutes <= 1
        ? '보통 1분 안에 답변해요'
        : minutes < 60
          ? '보통 ' + minutes + '분 안에 답변해요'
          : '보통 ' + Math.round(minutes / 60) + '시간 안에 답변해요',
  awayUntil: (when) =>
    when ? '지금은 부재 중이에요. ' + when + '부터 답변드려요.' : '지금은 부재 중이에요. 최대한 빨리 답변드릴게요.',
  today: (time) => '오늘 ' + time,
  tomorrow: (time) => '내일 ' + time,
  weekday: (day, time) => day + ' ' + time,
  messages: '메시지',
  greeting: '안녕하세요! 무엇을 도와드릴까요?',
  composerLabel: '메시지',
  composerPlaceholder: '메시지를 입력하세요…',
  send: '보내기',
  charCount: (n, max) => n.toLocaleString('ko') + ' / ' + max.toLocaleString('ko'),
  tooLong: (max) => '메시지는 최대 ' + max.toLocaleString('ko') + '자까지 보낼 수 있어요.',
  you: '나',
  support: '상담원',
  bot: '챗봇',
  sending: '보내는 중…',
  sent: '전송됨',
  read: '읽음',
  failed: '전송 실패',
  failedReason: (code) =>
    code === 'message_too_long' ? '메시지가 너무 길어요.' : code === 'message_empty' ? '빈 메시지예요.' : '메시지를 보내지 못했어요.',
  retry: '다시 보내기',
  discard: '삭제',
  typing: (name) => (name || '상담원') + '님이 입력 중…',
  connecting: '연결하는 중…',
  reconnecting: '다시 연결하는 중…',
  resolved: '상담이 종료되었어요. 메시지를 보내면 새 상담이 시작돼요.',
  captureAsk: '답변 받으실 연락처를 남겨 주세요.',
  captureLabel: '이름, 이메일 또는 전화번호',
  capturePlaceholder: '홍길동 / 010-1234-5678 / you@example.com',
  captureSave: '저장',
  captureInvalid: '이메일 주소나 전화번호를 정확히 입력해 주세요.',
  captureFailed: '저장하지 못했어요. 다시 시도해 주세요.',
  captureThanks: '감사합니다! 남겨 주신 연락처로 답변드릴게요.',
  quoteTitle: '견적 요청',
  quoteItem: (n) => '품목 ' + n,
  quoteProduct: '제품명 또는 URL',
  quoteQuantity: '수량',
  quotePrice: '희망 단가',
  quoteCurrency: '통화',
  quoteAddItem: '품목 추가',
  quoteRemoveItem: (n) => '품목 ' + n + ' 삭제',
  quoteDeadline: '희망 납기',
  quoteCountry: '도착 국가',
  quoteCountryNone: '미정',
  quoteCountryOther: '기타…',
  quoteCountryCode: '국가 코드 (영문 2자, 예: FR)',
  quoteNotes: '요청 사항',
  quoteName: '이름',
  quoteCompany: '회사',
  quoteEmail: '이메일',
  quotePhone: '전화번호',
  quoteSubmit: '견적 요청하기',
  quoteItemInvalid: (n) => '품목 ' + n + ': 제품명이나 URL과 수량(정수)을 입력해 주세요. (가격은 0보다 큰 숫자)',
  quoteCountryInvalid: '국가는 영문 2자 코드로 입력해 주세요.',
  quoteContactMissing: '견적을 보내 드릴 이메일이나 전화번호를 남겨 주세요.',
  quoteRejected: '입력한 내용을 확인하고 다시 시도해 주세요.',
  quoteFailed: '보내지 못했어요. 다시 시도해 주세요.',
  quoteReceived: (displayId) => '견적 요청 Q-' + displayId + ' 접수됨',
  quoteStatus: { new: '접수', in_review: '검토 중', quoted: '견적 발송', accepted: '수락', declined: '거절', expired: '만료' },
};

function plural(n: number, word: string): string {
  return n + ' ' + word + (n === 1 ? '' : 's');
}

export function stringsFor(locale: Locale): Strings {
  return locale === 'ko' ? ko : en;
}

export function formatTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (isNaN(date.getTime())) return '';
  return date.toLocaleTimeString(locale === 'ko' ? 'ko-KR' : 'en-US', { hour: 'numeric', minute: '2-digit' });
}

/** The header's second line: how soon a reply can be expected, in the visitor's own time zone. */
export function describeAvailability(availability: InboxAvailability, locale: Locale, now: Date): string {
  const t = stringsFor(locale);
  if (availability.online) return t.replyIn(availability.expectedReplyMinutes);
  const next = availability.nextOpenAt ? new Date(availability.nextOpenAt) : null;
  if (!next || isNaN(next.getTime()) || next.getTime() <= now.getTime()) return t.awayUntil(null);
  const time = formatTime(availability.nextOpenAt as string, locale);
  const days = dayNumber(next) - dayNumber(now);
  const when =
    days === 0
      ? t.today(time)
      : days === 1
        ? t.tomorrow(time)
        : days < 7
          ? t.weekday(next.toLocaleDateString(locale === 'ko' ? 'ko-KR' : 'en-US', { weekday: 'long' }), time)
          : t.weekday(next.toLocaleDateString(locale === 'ko' ? 'ko-KR' : 'en-US', { month: 'short', day: 'numeric' }), time);
  return t.awayUntil(when);
}

function dayNumber(date: Date): number {
  return Math.floor((date.getTime() - date.getTimezoneOffset() * 60_000) / 86_400_000);
}
