import { NOTIFICATION_ALERT_TYPES, type NotificationAlertType } from '@parley/shared/contracts';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export const layout = (body: string) =>
  `<!doctype html><html><body style="font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:15px;line-height:1.5;color:#1f2328">${body}</body></html>`;
export const link = (href: string, label: string) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;

export interface AlertItem {
  alertType: NotificationAlertType;
  title: string;
  url: string;
}

const NOUNS: Record<NotificationAlertType, [string, string]> = {
  conversation_created: ['new conversation', 'new conversations'],
  contact_captured: ['contact details', 'contact details'],
  unassigned_message: ['message in an unassigned conversation', 'messages in unassigned conversations'],
  sla_warning: ['reply deadline about to pass', 'reply deadlines about to pass'],
  quote_request_created: ['quote request', 'quote requests'],
  quote_request_answered: ['answer to a quote', 'answers to quotes'],
};
/** A digest lists this many alerts; the counts in the summary cover them all. */
const DIGEST_LIST_MAX = 200;

/** "12 new conversations, 3 contact details", in the fixed order of the alert types. */
export function summarize(items: AlertItem[]): string {
  return NOTIFICATION_ALERT_TYPES.map((type) => {
    const n = items.filter((i) => i.alertType === type).length;
    return n ? `${n} ${NOUNS[type][n === 1 ? 0 : 1]}` : '';
  })
    .filter(Boolean)
    .join(', ');
}

/** One alert on its own, or a digest of several; `windowMinutes` explains why they were batched. */
export function renderAlertMail(items: AlertItem[], opts: { agentName: string; preferencesUrl: string; windowMinutes: number }): { subject: string; text: string; html: string } {
  const footer = `You get these emails as a Parley agent. Choose which alerts reach you by email: ${opts.preferencesUrl}`;
  const footerHtml = `<p style="color:#656d76;font-size:13px">You get these emails as a Parley agent. ${link(opts.preferencesUrl, 'Choose which alerts reach you by email')}.</p>`;
  if (items.length === 1) {
    const [item] = items;
    return {
      subject: item.title,
      text: `${item.title}\n\nOpen: ${item.url}\n\n--\n${footer}\n`,
      html: layout(`<p>${escapeHtml(item.title)}</p><p>${link(item.url, 'Open in Parley')}</p>${footerHtml}`),
    };
  }
  const summary = summarize(items);
  const listed = items.slice(0, DIGEST_LIST_MAX);
  const more = items.length - listed.length;
  const groups = NOTIFICATION_ALERT_TYPES.map((type) => ({ type, items: listed.filter((i) => i.alertType === type) })).filter((g) => g.items.length);
  const intro = `Hello ${opts.agentName}, since the last email (at most one every ${opts.windowMinutes} min): ${summary}.`;
  const text = [
    intro,
    '',
    ...groups.flatMap((g) => [`${capitalize(NOUNS[g.type][1])}:`, ...g.items.map((i) => `- ${i.title}: ${i.url}`), '']),
    ...(more > 0 ? [`… and ${more} more in the console.`, ''] : []),
    '--',
    footer,
    '',
  ].join('\n');
  const html = layout(
    `<p>${escapeHtml(intro)}</p>` +
      groups.map((g) => `<h3 style="font-size:15px;margin:16px 0 4px">${escapeHtml(capitalize(NOUNS[g.type][1]))}</h3><ul>${g.items.map((i) => `<li>${link(i.url, i.title)}</li>`).join('')}</ul>`).join('') +
      (more > 0 ? `<p>… and ${more} more in the console.</p>` : '') +
      footerHtml,
  );
  return { subject: `Parley: ${summary}`, text, html };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface FollowUpReply {
  senderName: string;
  body: string;
}

/**
 * A reply (or several) the contact has not read in the chat. Customer and agent text goes only into
 * the body (escaped in HTML); the subject is built from the business name and the conversation number.
 */
export function renderFollowUpMail(opts: { locale: string | null; business: string; displayId: number; replies: FollowUpReply[]; conversationUrl: string; unsubscribeUrl: string }): { subject: string; text: string; html: string } {
  const ko = (opts.locale ?? '').toLowerCase().startsWith('ko');
  const t = ko
    ? { subject: `[${opts.business}] 문의 #${opts.displayId}에 답변이 도착했습니다`, intro: `${opts.business}에서 보낸 답변을 아직 읽지 않으셨습니다.`, open: '대화 이어가기', unsubscribe: '이런 이메일을 받지 않기' }
    : { subject: `New reply from ${opts.business} (#${opts.displayId})`, intro: `You have a reply from ${opts.business} that you have not read yet.`, open: 'Continue the conversation', unsubscribe: 'Stop these emails' };
  const text = [t.intro, '', ...opts.replies.flatMap((r) => [`${r.senderName}:`, r.body, '']), `${t.open}: ${opts.conversationUrl}`, '', '--', `${t.unsubscribe}: ${opts.unsubscribeUrl}`, ''].join('\n');
  const html = layout(
    `<p>${escapeHtml(t.intro)}</p>` +
      opts.replies.map((r) => `<p><strong>${escapeHtml(r.senderName)}</strong></p><p style="white-space:pre-wrap;border-left:3px solid #d0d7de;padding-left:12px">${escapeHtml(r.body)}</p>`).join('') +
      `<p>${link(opts.conversationUrl, t.open)}</p><p style="color:#656d76;font-size:13px">${link(opts.unsubscribeUrl, t.unsubscribe)}</p>`,
  );
  return { subject: t.subject.replace(/[\r\n]+/g, ' '), text, html };
}
