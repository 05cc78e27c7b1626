/** socket.io room names, in one place. Visitors never join an agent room, and the reverse. */
export const rooms = {
  /** every widget socket of one visitor (all their conversations in the inbox) */
  visitor: (contactInboxId: string) => `visitor:${contactInboxId}`,
  /** every widget socket of an inbox (availability changes) */
  widgetInbox: (inboxId: string) => `widget-inbox:${inboxId}`,
  /** agents who belong to an inbox */
  agentInbox: (inboxId: string) => `inbox:${inboxId}`,
  /** admins see every inbox */
  admins: 'admins',
  agent: (agentId: string) => `agent:${agentId}`,
};
