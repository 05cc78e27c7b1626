/** Formatting shared by the quote screens and the conversation thread (a sent quote's card). */

/** "Q-1042": how people refer to a quote request. */
export function quoteNumber(displayId: number): string {
  return `Q-${displayId}`;
}

export function formatMoney(amount: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    // A code Intl does not know: still show the number and the code.
    return `${new Intl.NumberFormat(locale).format(amount)} ${currency}`;
  }
}
