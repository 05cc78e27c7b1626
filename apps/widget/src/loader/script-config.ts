export interface LoaderConfig {
  inboxToken: string;
  /** 'ko' | 'en' when the host asked for one; otherwise the frame follows the browser. */
  locale: string | null;
  /** Base URL the script was served from (origin plus any path prefix), without a trailing slash. */
  host: string;
  /** The only origin the frame may talk to us from. */
  hostOrigin: string;
}

const WIDGET_SRC = /\/widget\.js(?:[?#].*)?$/;

/**
 * `currentScript` is null when we are not running synchronously from the tag (module wrappers,
 * some tag managers), so fall back to the last tag that looks like ours.
 */
export function findOwnScript(doc: Document): HTMLScriptElement | null {
  const current = doc.currentScript;
  if (current && current.tagName === 'SCRIPT' && current.hasAttribute('data-inbox')) {
    return current as HTMLScriptElement;
  }
  const scripts = doc.getElementsByTagName('script');
  for (let i = scripts.length - 1; i >= 0; i--) {
    const script = scripts[i];
    if (script.hasAttribute('data-inbox') && WIDGET_SRC.test(script.src)) return script;
  }
  return null;
}

export function readConfig(script: HTMLScriptElement, baseUri: string): LoaderConfig | null {
  const inboxToken = (script.getAttribute('data-inbox') || '').trim();
  const src = script.getAttribute('src');
  if (!inboxToken || !src) return null;
  let url: URL;
  try {
    url = new URL(src, baseUri);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const locale = (script.getAttribute('data-locale') || '').trim().toLowerCase();
  return {
    inboxToken,
    locale: locale === 'ko' || locale === 'en' ? locale : null,
    host: url.origin + url.pathname.replace(/\/widget\.js$/, ''),
    hostOrigin: url.origin,
  };
}

/** `conversation`: from a follow-up link to the host page (`?conversation=<id>`); the frame opens it. */
export function frameUrl(config: LoaderConfig, pageOrigin: string, conversation?: string | null): string {
  const params = ['inbox=' + encodeURIComponent(config.inboxToken)];
  if (config.locale) params.push('locale=' + config.locale);
  params.push('origin=' + encodeURIComponent(pageOrigin));
  if (conversation && /^[0-9a-f-]{36}$/i.test(conversation)) params.push('conversation=' + conversation);
  return config.host + '/widget/frame.html?' + params.join('&');
}
