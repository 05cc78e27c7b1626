/**
 * UI text for every supported locale. `en` is the source of truth for the keys; `ko` must
 * provide every one of them (the `Messages` type makes a missing key a compile error).
 * Placeholders are written `{name}` and filled by `I18nService.t(key, params)`.
 */
export const LOCALES = ['ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return (
    typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
  );
}

import { conversationsEn, conversationsKo } from '../../features/conversations/conversations.messages';
import { knowledgeEn, knowledgeKo } from '../../features/knowledge/knowledge.messages';
import { preferencesEn, preferencesKo } from '../../features/preferences/preferences.messages';
import { quotesEn, quotesKo } from '../../features/quotes/quotes.messages';
import { reportsEn, reportsKo } from '../../features/reports/reports.messages';
import { reviewEn, reviewKo } from '../../features/review/review.messages';
import { flowsEn, flowsKo } from '../../features/settings/flows.messages';
import { settingsEn, settingsKo } from '../../features/settings/settings.messages';
import { webhooksEn, webhooksKo } from '../../features/settings/webhooks.messages';

const coreEn = {
  'app.name': 'Parley',

  'locale.label': 'Language',
  'locale.ko': '한국어',
  'locale.en': 'English',

  'login.title': 'Sign in',
  'login.subtitle': 'Sign in to the Parley agent console.',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.emailRequired': 'Enter your email address.',
  'login.emailInvalid': 'Enter a valid email address, like name@example.com.',
  'login.passwordRequired': 'Enter your password.',
  'login.sessionExpired': 'Your session has ended. Please sign in again.',
  'login.error.invalidCredentials': 'The email or password is incorrect.',
  'login.error.agentDisabled':
    'This account has been disabled. Ask an administrator to re-enable it.',
  'login.error.rateLimited':
    'Too many sign-in attempts. Wait a minute and try again.',
  'login.error.network':
    'Cannot reach the server. Check your connection and try again.',
  'login.error.unknown': 'Sign-in failed. Try again in a moment.',

  'shell.skipToContent': 'Skip to main content',
  'shell.mainNav': 'Main',
  'shell.logout': 'Log out',
  'shell.inbox': 'Inbox',
  'shell.allInboxes': 'All inboxes',
  'shell.reconnecting': 'Reconnecting…',

  'common.loading': 'Loading…',
  'common.retry': 'Retry',
  'common.cancel': 'Cancel',
  'common.close': 'Close',

  'availability.label': 'Your availability',
  'availability.online': 'Online',
  'availability.busy': 'Busy',
  'availability.offline': 'Offline',
  'availability.failed': 'Your availability could not be changed.',

  'notifications.title': 'Notifications',
  'notifications.unread': '{count} unread',
  'notifications.empty': 'No notifications yet. New conversations, urgent ones, AI drafts, contact details and quote requests show up here.',
  'notifications.markAllRead': 'Mark all as read',
  'notifications.aConversation': 'A conversation',
  'notifications.kind.conversation': 'New conversation',
  'notifications.kind.urgent': 'Urgent conversation',
  'notifications.kind.draft': 'AI draft ready',
  'notifications.kind.contact': 'Contact details left',
  'notifications.kind.quote': 'New quote request',
  'notifications.kind.quote_accepted': 'Quote accepted',
  'notifications.kind.quote_declined': 'Quote declined',
  'notifications.preferences': 'Email settings',

  'shortcuts.title': 'Keyboard shortcuts',
  'shortcuts.help': 'Keyboard shortcuts',
  'shortcuts.then': 'then',
  'shortcuts.group.general': 'General',
  'shortcuts.group.navigation': 'Go to',
  'shortcuts.group.list': 'Conversation list',
  'shortcuts.group.conversation': 'Open conversation',
  'shortcuts.goConversations': 'Conversations',
  'shortcuts.goQuotes': 'Quotes',
  'shortcuts.goReview': 'Review',
  'shortcuts.goKnowledge': 'Knowledge',
  'shortcuts.goReports': 'Reports',
  'shortcuts.goSettings': 'Settings',

  'role.admin': 'Admin',
  'role.agent': 'Agent',

  'nav.conversations': 'Conversations',
  'nav.quotes': 'Quotes',
  'nav.review': 'Review',
  'nav.knowledge': 'Knowledge',
  'nav.reports': 'Reports',
  'nav.settings': 'Settings',

} as const;

/** Feature files keep their own keys (prefixed with the feature name) so features can grow independently. */
export const en = { ...coreEn, ...conversationsEn, ...quotesEn, ...reviewEn, ...knowledgeEn, ...reportsEn, ...settingsEn, ...flowsEn, ...webhooksEn, ...preferencesEn } as const;

export type MessageKey = keyof typeof en;
export type Messages = Readonly<Record<MessageKey, string>>;

const coreKo: Readonly<Record<keyof typeof coreEn, string>> = {
  'app.name': 'Parley',

  'locale.label': '언어',
  'locale.ko': '한국어',
  'locale.en': 'English',

  'login.title': '로그인',
  'login.subtitle': 'Parley 상담원 콘솔에 로그인하세요.',
  'login.email': '이메일',
  'login.password': '비밀번호',
  'login.submit': '로그인',
  'login.submitting': '로그인 중…',
  'login.emailRequired': '이메일 주소를 입력하세요.',
  'login.emailInvalid': '올바른 이메일 주소를 입력하세요. 예: name@example.com',
  'login.passwordRequired': '비밀번호를 입력하세요.',
  'login.sessionExpired': '세션이 만료되었습니다. 다시 로그인하세요.',
  'login.error.invalidCredentials': '이메일 또는 비밀번호가 올바르지 않습니다.',
  'login.error.agentDisabled':
    '비활성화된 계정입니다. 관리자에게 다시 활성화를 요청하세요.',
  'login.error.rateLimited':
    '로그인 시도가 너무 많습니다. 잠시 후 다시 시도하세요.',
  'login.error.network':
    '서버에 연결할 수 없습니다. 네트워크 연결을 확인한 뒤 다시 시도하세요.',
  'login.error.unknown': '로그인하지 못했습니다. 잠시 후 다시 시도하세요.',

  'shell.skipToContent': '본문으로 건너뛰기',
  'shell.mainNav': '주 메뉴',
  'shell.logout': '로그아웃',
  'shell.inbox': '인박스',
  'shell.allInboxes': '모든 인박스',
  'shell.reconnecting': '다시 연결하는 중…',

  'common.loading': '불러오는 중…',
  'common.retry': '다시 시도',
  'common.cancel': '취소',
  'common.close': '닫기',

  'availability.label': '내 상태',
  'availability.online': '온라인',
  'availability.busy': '바쁨',
  'availability.offline': '오프라인',
  'availability.failed': '상태를 바꾸지 못했습니다.',

  'notifications.title': '알림',
  'notifications.unread': '읽지 않음 {count}건',
  'notifications.empty': '아직 알림이 없습니다. 새 대화, 긴급 대화, AI 초안, 남겨진 연락처, 견적 요청이 여기에 표시됩니다.',
  'notifications.markAllRead': '모두 읽음으로 표시',
  'notifications.aConversation': '대화',
  'notifications.kind.conversation': '새 대화',
  'notifications.kind.urgent': '긴급 대화',
  'notifications.kind.draft': 'AI 초안 준비됨',
  'notifications.kind.contact': '연락처 남김',
  'notifications.kind.quote': '새 견적 요청',
  'notifications.kind.quote_accepted': '견적 수락됨',
  'notifications.kind.quote_declined': '견적 거절됨',
  'notifications.preferences': '이메일 알림 설정',

  'shortcuts.title': '키보드 단축키',
  'shortcuts.help': '키보드 단축키',
  'shortcuts.then': '다음',
  'shortcuts.group.general': '일반',
  'shortcuts.group.navigation': '이동',
  'shortcuts.group.list': '대화 목록',
  'shortcuts.group.conversation': '열린 대화',
  'shortcuts.goConversations': '대화',
  'shortcuts.goQuotes': '견적',
  'shortcuts.goReview': '검토',
  'shortcuts.goKnowledge': '지식 베이스',
  'shortcuts.goReports': '보고서',
  'shortcuts.goSettings': '설정',

  'role.admin': '관리자',
  'role.agent': '상담원',

  'nav.conversations': '대화',
  'nav.quotes': '견적',
  'nav.review': '검토',
  'nav.knowledge': '지식 베이스',
  'nav.reports': '보고서',
  'nav.settings': '설정',

};

export const ko: Messages = { ...coreKo, ...conversationsKo, ...quotesKo, ...reviewKo, ...knowledgeKo, ...reportsKo, ...settingsKo, ...flowsKo, ...webhooksKo, ...preferencesKo };

export const MESSAGES: Readonly<Record<Locale, Messages>> = { ko, en };
