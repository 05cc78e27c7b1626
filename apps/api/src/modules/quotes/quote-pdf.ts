import type { QuoteContact, QuoteItem } from '@parley/shared/contracts';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type PDFKit from 'pdfkit';
import { formatDate, formatMoney, QUOTE_TEXTS, quoteNumber, type QuoteLocale } from './quote-texts';

export interface QuotePdfInput {
  locale: QuoteLocale;
  business: string;
  /** Shown under the business name when it says something more (e.g. "B2B quotes"). */
  inboxName: string | null;
  displayId: number;
  issuedAt: Date;
  contact: QuoteContact;
  items: QuoteItem[];
  amount: number;
  currency: string;
  validUntil: string;
  message: string | null;
  /** The customer's signed page (accept / decline). */
  url: string;
}

// Resolved at run time from node_modules, never bundled: the package exports only its entry point, so
// its fonts are found next to it (<pkg>/dist/index.cjs → <pkg>/fonts).
const nodeRequire = createRequire(__filename);
let fonts: { regular: Buffer; bold: Buffer } | undefined;

function koreanFonts(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    const dir = join(dirname(nodeRequire.resolve('@embedpdf/fonts-kr')), '..', 'fonts');
    fonts = { regular: readFileSync(join(dir, 'NotoSansKR-Regular.otf')), bold: readFileSync(join(dir, 'NotoSansKR-Bold.otf')) };
  }
  return fonts;
}

const INK = '#1f2328';
const MUTED = '#656d76';
const RULE = '#d0d7de';

/**
 * The quote as an A4 PDF in Noto Sans KR (Hangul and Latin alike; pdfkit embeds a subset with a
 * ToUnicode map, so the text stays searchable and copyable). Customer text is drawn as text, never
 * interpreted.
 */
export async function renderQuotePdf(input: QuotePdfInput): Promise<Buffer> {
  // Loaded on the first quote sent, not at boot: pdfkit and its font engine weigh ~20 MB of memory.
  const PDFDocument: typeof PDFKit = (await import('pdfkit')).default;
  const t = QUOTE_TEXTS[input.locale];
  const number = quoteNumber(input.displayId);
  const { regular, bold } = koreanFonts();
  const doc = new PDFDocument({ size: 'A4', margin: 50, lang: input.locale, info: { Title: `${t.title} ${number}`, Author: input.business } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  doc.font('bold').fontSize(20).fillColor(INK).text(input.business, left, doc.page.margins.top, { width });
  if (input.inboxName && input.inboxName !== input.business) doc.font('body').fontSize(10).fillColor(MUTED).text(input.inboxName, { width });
  doc.moveDown(1.2);
  doc.font('bold').fontSize(16).fillColor(INK).text(`${t.title}  ${number}`, { width });
  doc.moveDown(0.4);
  for (const [label, value] of [
    [t.number, number],
    [t.issued, formatDate(input.issuedAt, input.locale)],
    [t.validUntil, formatDate(input.validUntil, input.locale)],
  ]) {
    doc.font('bold').fontSize(10).fillColor(MUTED).text(`${label}  `, { continued: true }).font('body').fillColor(INK).text(value);
  }

  const contact = [input.contact.name, input.contact.company, input.contact.email, input.contact.phone].filter((v): v is string => !!v);
  if (contact.length) {
    doc.moveDown(1);
    doc.font('bold').fontSize(11).fillColor(INK).text(t.to, { width });
    doc.font('body').fontSize(10).text(contact.join('\n'), { width });
  }

  // Items: # | name and URL (wrapping) | quantity | target unit price.
  doc.moveDown(1.2);
  const cols = { no: 24, qty: 70, price: 120 };
  const itemWidth = width - cols.no - cols.qty - cols.price;
  const x = { no: left, item: left + cols.no, qty: left + cols.no + itemWidth, price: left + cols.no + itemWidth + cols.qty };
  const header = (y: number): number => {
    doc.font('bold').fontSize(9).fillColor(MUTED);
    doc.text('#', x.no, y, { width: cols.no });
    doc.text(t.item, x.item, y, { width: itemWidth - 8 });
    doc.text(t.quantity, x.qty, y, { width: cols.qty - 8, align: 'right' });
    doc.text(t.targetPrice, x.price, y, { width: cols.price, align: 'right' });
    const below = y + 16;
    doc.moveTo(left, below).lineTo(left + width, below).lineWidth(0.8).strokeColor(RULE).stroke();
    return below + 6;
  };
  let y = header(doc.y);
  input.items.forEach((item, i) => {
    const label = [item.name, item.url].filter((v): v is string => !!v).join('\n');
    doc.font('body').fontSize(10);
    const height = Math.max(doc.heightOfString(label, { width: itemWidth - 8 }), 12) + 8;
    if (y + height > bottom()) {
      doc.addPage();
      y = header(doc.page.margins.top);
      doc.font('body').fontSize(10);
    }
    doc.fillColor(INK);
    doc.text(String(i + 1), x.no, y, { width: cols.no });
    doc.text(label, x.item, y, { width: itemWidth - 8 });
    doc.text(new Intl.NumberFormat(input.locale === 'ko' ? 'ko-KR' : 'en-US').format(item.quantity), x.qty, y, { width: cols.qty - 8, align: 'right' });
    doc.text(item.targetUnitPrice === null ? '—' : formatMoney(item.targetUnitPrice, item.currency, input.locale), x.price, y, { width: cols.price, align: 'right' });
    y += height;
    doc.moveTo(left, y - 4).lineTo(left + width, y - 4).lineWidth(0.4).strokeColor(RULE).stroke();
  });

  doc.x = left;
  doc.y = y + 12;
  if (doc.y + 120 > bottom()) doc.addPage();
  doc.font('bold').fontSize(12).fillColor(MUTED).text(t.amount, { width });
  doc.font('bold').fontSize(22).fillColor(INK).text(formatMoney(input.amount, input.currency, input.locale), { width });
  doc.font('body').fontSize(10).fillColor(INK).text(`${t.validUntil}: ${t.validThrough(formatDate(input.validUntil, input.locale))}`, { width });

  if (input.message?.trim()) {
    doc.moveDown(1);
    doc.font('bold').fontSize(11).text(t.message, { width });
    doc.font('body').fontSize(10).text(input.message.trim(), { width });
  }

  doc.moveDown(1.2);
  doc.font('body').fontSize(10).fillColor(INK).text(t.respond, { width });
  doc.fillColor('#0969da').text(input.url, { width, link: input.url, underline: true });
  doc.end();
  return done;
}
