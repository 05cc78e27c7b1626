/** One text message to one phone number (E.164 or as the contact gave it). */
export interface SmsMessage {
  to: string;
  text: string;
  /** The contact's locale, for providers that pick a sender or encoding by it. */
  locale: string;
}

/**
 * Where SMS go. Implement this for a provider with its own API (and bind it to SMS_PROVIDER);
 * `HttpSmsProvider` covers gateways that accept a JSON POST.
 */
export interface SmsProvider {
  readonly name: string;
  /** Resolves once the provider accepted the message; rejects with `SmsSendError` otherwise. */
  send(message: SmsMessage): Promise<void>;
}

export const SMS_PROVIDER = Symbol('SMS_PROVIDER');

export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null,
  ) {
    super(message);
  }
}

export interface HttpSmsProviderOptions {
  url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  timeoutMs?: number;
}

/** A generic gateway: POST `{ to, text, locale }` as JSON; any 2xx means accepted. */
export class HttpSmsProvider implements SmsProvider {
  readonly name = 'http';

  constructor(private readonly options: HttpSmsProviderOptions) {}

  async send(message: SmsMessage): Promise<void> {
    let res: Response;
    try {
      res = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.options.token && { authorization: `Bearer ${this.options.token}` }) },
        body: JSON.stringify({ to: message.to, text: message.text, locale: message.locale }),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      throw new SmsSendError(`SMS provider unreachable: ${err.name === 'TimeoutError' ? 'timed out' : (err.cause?.code ?? err.message)}`, null);
    }
    await res.body?.cancel().catch(() => undefined);
    if (res.status < 200 || res.status >= 300) throw new SmsSendError(`SMS provider answered HTTP ${res.status}`, res.status);
  }
}

/** Placeholders: {business}, {displayId}, {link}. */
export const DEFAULT_SMS_TEMPLATES: Record<string, string> = {
  ko: '[{business}] 문의 #{displayId}에 답변이 도착했습니다. 확인하기: {link}',
  en: '{business}: you have a new reply to your message #{displayId}. Read it: {link}',
};

/** The template for `locale` (exact, then its language, then English), with the placeholders filled. */
export function renderSms(templates: Record<string, string>, locale: string | null, vars: Record<'business' | 'displayId' | 'link', string>): { text: string; locale: string } {
  const all = { ...DEFAULT_SMS_TEMPLATES, ...templates };
  const wanted = (locale ?? 'en').toLowerCase();
  const chosen = [wanted, wanted.split(/[-_]/)[0], 'en'].find((l) => all[l] !== undefined) ?? 'en';
  const text = (all[chosen] ?? DEFAULT_SMS_TEMPLATES['en']).replace(/\{(business|displayId|link)\}/g, (_, key: keyof typeof vars) => vars[key]);
  return { text, locale: chosen };
}

/** SMS_TEMPLATES (a JSON object of locale to text), ignoring anything that is not a string. */
export function parseSmsTemplates(json: string | undefined): Record<string, string> {
  if (!json) return {};
  const parsed: unknown = JSON.parse(json);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string').map(([k, v]) => [k.toLowerCase(), v]));
}
