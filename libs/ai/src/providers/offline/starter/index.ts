/**
 * The starter set shipped with the product: labelled messages for an overseas-shopping and forwarding shop
 * with B2B quotes, written for Parley (not taken from any evaluation file). The offline classifier trains
 * on it at boot, together with the workspace's own labelled examples and agent corrections.
 */
import type { LabelledExample } from '../../../ports';
import { B2B_QUOTE_ROWS } from './b2b-quote.starter';
import { BOUNDARY_ROWS } from './boundaries.starter';
import { GENERAL_ROWS } from './general.starter';
import { ORDER_ROWS } from './order.starter';
import { PAYMENT_ROWS } from './payment.starter';
import { RETURN_REFUND_ROWS } from './return-refund.starter';
import { SHIPPING_ROWS } from './shipping.starter';
import { TONE_ROWS } from './tone.starter';
import { expandRows } from './starter-types';

export const STARTER_EXAMPLES: readonly LabelledExample[] = [
  ...expandRows('order', ORDER_ROWS),
  ...expandRows('shipping', SHIPPING_ROWS),
  ...expandRows('b2b_quote', B2B_QUOTE_ROWS),
  ...expandRows('payment', PAYMENT_ROWS),
  ...expandRows('return_refund', RETURN_REFUND_ROWS),
  ...expandRows('general', GENERAL_ROWS),
  ...BOUNDARY_ROWS.flatMap(([category, ...row]) => expandRows(category, [row])),
  ...TONE_ROWS.flatMap(([category, ...row]) => expandRows(category, [row])),
];
