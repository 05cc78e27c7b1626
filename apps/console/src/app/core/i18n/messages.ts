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

export const en = {
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

  'role.admin': 'Admin',
  'role.agent': 'Agent',

  'nav.conversations': 'Conversations',
  'nav.review': 'Review',
  'nav.knowledge': 'Knowledge',
  'nav.reports': 'Reports',
  'nav.settings': 'Settings',

  'conversations.emptyTitle': 'No conversations yet',
  'conversations.emptyBody':
    'New conversations from your inboxes will appear here.',

  'placeholder.body': 'This section is not available yet.',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Readonly<Record<MessageKey, string>>;

export const ko: Messages = {
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

  'role.admin': '관리자',
  'role.agent': '상담원',

  'nav.conversations': '대화',
  'nav.review': '검토',
  'nav.knowledge': '지식 베이스',
  'nav.reports': '보고서',
  'nav.settings': '설정',

  'conversations.emptyTitle': '아직 대화가 없습니다',
  'conversations.emptyBody': '인박스에 새 대화가 들어오면 여기에 표시됩니다.',

  'placeholder.body': '이 메뉴는 아직 준비 중입니다.',
};

export const MESSAGES: Readonly<Record<Locale, Messages>> = { ko, en };
