/**
 * Staff alerts that can reach an agent by email (the console bell shows them live regardless).
 * Bursts are batched per agent into a digest.
 */
export const NOTIFICATION_ALERT_TYPES = ['conversation_created', 'contact_captured', 'unassigned_message', 'sla_warning', 'quote_request_created', 'quote_request_answered'] as const;
export type NotificationAlertType = (typeof NOTIFICATION_ALERT_TYPES)[number];

/** Email on or off per alert type until the agent chooses. Visitor messages in unassigned conversations are frequent, so off. */
export const NOTIFICATION_EMAIL_DEFAULTS: Record<NotificationAlertType, boolean> = {
  conversation_created: true,
  contact_captured: true,
  unassigned_message: false,
  sla_warning: true,
  quote_request_created: true,
  /** A customer accepted or declined a quote through its signed link: to the assignee (admins when unassigned). */
  quote_request_answered: true,
};

/** `GET /api/v1/notifications/preferences`: the current agent's choices, defaults filled in. */
export interface NotificationPreferencesDto {
  email: Record<NotificationAlertType, boolean>;
  /** False when the server has no SMTP_URL: nothing is emailed whatever the choices. */
  emailEnabled: boolean;
}

/** `PUT /api/v1/notifications/preferences`: the types to change; others keep their value. */
export interface UpdateNotificationPreferencesRequest {
  email: Partial<Record<NotificationAlertType, boolean>>;
}
