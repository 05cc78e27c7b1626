import { QUOTE_CURRENCIES } from '@parley/shared/contracts';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { ChatState } from '../core/chat-controller';
import type { Locale, Strings } from '../core/i18n';
import { COMMON_COUNTRIES, emptyQuoteItem, newQuoteDraft, QUOTE_FORM_MAX_ITEMS, type QuoteDraft, type QuoteDraftProblem, type QuoteItemDraft } from '../core/quote-form';

type RegionNames = { of(code: string): string | undefined };
const regionNames: Partial<Record<Locale, RegionNames | null>> = {};

/** Country names in the visitor's language from the browser (no name lists shipped); the code where it has none. */
function countryName(code: string, locale: Locale): string {
  if (regionNames[locale] === undefined) {
    const DisplayNames = (Intl as unknown as { DisplayNames?: new (locales: string[], options: { type: 'region' }) => RegionNames }).DisplayNames;
    try {
      regionNames[locale] = DisplayNames ? new DisplayNames([locale], { type: 'region' }) : null;
    } catch {
      regionNames[locale] = null;
    }
  }
  const names = regionNames[locale];
  return (names && names.of(code)) || code;
}

/**
 * The flow's quote request form: items (product name or URL, quantity, target unit price, currency),
 * deadline, destination, notes and contact details prefilled from the session. One column, so it
 * fits a phone; every field has a visible label.
 */
export function QuoteForm(props: {
  t: Strings;
  locale: Locale;
  contact: ChatState['contact'];
  state: ChatState['quote'];
  onSubmit(draft: QuoteDraft): Promise<QuoteDraftProblem | null>;
}) {
  const { t, locale, state } = props;
  const [draft, setDraft] = useState<QuoteDraft>(() => newQuoteDraft(props.contact, locale));
  const [otherCountry, setOtherCountry] = useState(false);
  const [problem, setProblem] = useState<QuoteDraftProblem | null>(null);

  if (state.status === 'done' && state.result) {
    return (
      <p class="pw-note pw-quote-done" role="status">
        {t.quoteReceived(state.result.displayId) + ' · ' + t.quoteStatus[state.result.status]}
      </p>
    );
  }

  const patch = (change: Partial<QuoteDraft>) => setDraft({ ...draft, ...change });
  const patchItem = (index: number, change: Partial<QuoteItemDraft>) => patch({ items: draft.items.map((item, i) => (i === index ? { ...item, ...change } : item)) });
  const sending = state.status === 'sending';
  const message = problem
    ? problem.field === 'items'
      ? t.quoteItemInvalid(problem.index + 1)
      : problem.field === 'country'
        ? t.quoteCountryInvalid
        : t.quoteContactMissing
    : state.status === 'error'
      ? state.error === 'validation_failed' || state.error === 'invalid_payload'
        ? t.quoteRejected
        : t.quoteFailed
      : null;
  const invalid = (field: QuoteDraftProblem['field'], index = 0) => !!problem && problem.field === field && (problem.field !== 'items' || problem.index === index);
  const describedBy = message ? 'pw-quote-error' : undefined;
  const field = (label: string, input: JSX.Element, wide = false) => (
    <label class={'pw-field' + (wide ? ' pw-wide' : '')}>
      <span>{label}</span>
      {input}
    </label>
  );
  const contactInput = (key: 'name' | 'company' | 'email' | 'phone', type: string, autoComplete: string) => (
    <input
      type={type}
      autoComplete={autoComplete}
      maxLength={key === 'email' ? 320 : 200}
      value={draft[key]}
      aria-invalid={key === 'email' || key === 'phone' ? invalid('contact') : undefined}
      aria-describedby={describedBy}
      onInput={(event) => patch({ [key]: event.currentTarget.value })}
    />
  );

  return (
    <form
      class="pw-quote"
      noValidate
      aria-labelledby="pw-quote-title"
      onSubmit={async (event) => {
        event.preventDefault();
        setProblem(await props.onSubmit(draft));
      }}
    >
      <h2 id="pw-quote-title">{t.quoteTitle}</h2>
      {draft.items.map((item, i) => (
        <fieldset key={i} class="pw-quote-item">
          <legend>{t.quoteItem(i + 1)}</legend>
          {field(
            t.quoteProduct,
            <input value={item.product} maxLength={500} aria-invalid={invalid('items', i)} aria-describedby={describedBy} onInput={(event) => patchItem(i, { product: event.currentTarget.value })} />,
            true,
          )}
          {field(t.quoteQuantity, <input type="number" inputMode="numeric" min="1" step="1" value={item.quantity} aria-invalid={invalid('items', i)} onInput={(event) => patchItem(i, { quantity: event.currentTarget.value })} />)}
          {field(t.quotePrice, <input type="number" inputMode="decimal" min="0" step="any" value={item.price} onInput={(event) => patchItem(i, { price: event.currentTarget.value })} />)}
          {field(
            t.quoteCurrency,
            <select value={item.currency} onChange={(event) => patchItem(i, { currency: event.currentTarget.value })}>
              {QUOTE_CURRENCIES.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>,
          )}
          {draft.items.length > 1 && (
            <button type="button" class="pw-link-button" aria-label={t.quoteRemoveItem(i + 1)} onClick={() => patch({ items: draft.items.filter((_, j) => j !== i) })}>
              {t.discard}
            </button>
          )}
        </fieldset>
      ))}
      {draft.items.length < QUOTE_FORM_MAX_ITEMS && (
        <button type="button" class="pw-link-button" onClick={() => patch({ items: draft.items.concat(emptyQuoteItem(draft.items[draft.items.length - 1].currency)) })}>
          {'+ ' + t.quoteAddItem}
        </button>
      )}
      {field(t.quoteDeadline, <input type="date" min={new Date().toISOString().slice(0, 10)} value={draft.deadline} onInput={(event) => patch({ deadline: event.currentTarget.value })} />)}
      {field(
        t.quoteCountry,
        <select
          value={otherCountry ? 'other' : draft.country}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setOtherCountry(value === 'other');
            patch({ country: value === 'other' ? '' : value });
          }}
        >
          <option value="">{t.quoteCountryNone}</option>
          {COMMON_COUNTRIES.map((code) => (
            <option key={code} value={code}>
              {countryName(code, locale)}
            </option>
          ))}
          <option value="other">{t.quoteCountryOther}</option>
        </select>,
      )}
      {otherCountry &&
        field(
          t.quoteCountryCode,
          <input maxLength={2} autoCapitalize="characters" value={draft.country} aria-invalid={invalid('country')} aria-describedby={describedBy} onInput={(event) => patch({ country: event.currentTarget.value })} />,
        )}
      {field(t.quoteNotes, <textarea rows={2} maxLength={5000} value={draft.notes} onInput={(event) => patch({ notes: event.currentTarget.value })} />, true)}
      {field(t.quoteName, contactInput('name', 'text', 'name'))}
      {field(t.quoteCompany, contactInput('company', 'text', 'organization'))}
      {field(t.quoteEmail, contactInput('email', 'email', 'email'))}
      {field(t.quotePhone, contactInput('phone', 'tel', 'tel'))}
      {message && (
        <p id="pw-quote-error" class="pw-error pw-wide" role="alert">
          {message}
        </p>
      )}
      <button type="submit" class="pw-quote-submit pw-wide" disabled={sending}>
        {sending ? t.sending : t.quoteSubmit}
      </button>
    </form>
  );
}
