import { AppConfig } from '../../core/config/app-config';

/** Base of every link Parley puts in an email or SMS, without a trailing slash. */
export function publicBaseUrl(config: AppConfig): string {
  return (config.env.PUBLIC_URL ?? `http://localhost:${config.env.PORT}`).replace(/\/+$/, '');
}

/** The conversation in the agent console. */
export function consoleConversationUrl(config: AppConfig, conversationId: string): string {
  return `${publicBaseUrl(config)}/conversations/${conversationId}`;
}

/**
 * The visitor's way back: the widget's host page with the conversation to open. `/demo` is the page
 * Parley serves itself; a site embedding the widget can serve the same path (see the README).
 */
export function visitorConversationUrl(config: AppConfig, conversationId: string): string {
  return `${publicBaseUrl(config)}/demo?conversation=${encodeURIComponent(conversationId)}`;
}

/** The quote request on the console's quote board. */
export function consoleQuoteRequestUrl(config: AppConfig, quoteRequestId: string): string {
  return `${publicBaseUrl(config)}/quotes/${quoteRequestId}`;
}

export function unsubscribeUrl(config: AppConfig, token: string): string {
  return `${publicBaseUrl(config)}/api/v1/unsubscribe?token=${encodeURIComponent(token)}`;
}
