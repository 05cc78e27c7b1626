import type { AppConfig } from '../../core/config/app-config';
import { publicBaseUrl } from '../notifications/notification-links';
import { quoteLinkExpiresAt, signQuoteLinkToken } from './quote-link-token';

/** Where the customer's signed page lives, under the API prefix: `GET /api/v1/public/quotes/:token`. */
export const QUOTE_PAGE_ROUTE = 'public/quotes';

export interface QuoteLinks {
  token: string;
  /** The page with the summary and the accept / decline buttons. */
  url: string;
  pdfUrl: string;
}

/** The signed links of one offer (the token is bound to the request, the offer and a date). Keyed by the app's secret. */
export function quoteLinks(config: AppConfig, quoteRequestId: string, offerVersion: number, validUntil: string): QuoteLinks {
  const token = signQuoteLinkToken(config.jwtSecret, { quoteRequestId, offerVersion, expiresAt: quoteLinkExpiresAt(validUntil) });
  const url = `${publicBaseUrl(config)}/api/v1/${QUOTE_PAGE_ROUTE}/${token}`;
  return { token, url, pdfUrl: `${url}/pdf` };
}
