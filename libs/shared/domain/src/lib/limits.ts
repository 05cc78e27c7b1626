/** Hard limits enforced at every boundary (REST, sockets, UI). */
export const LIMITS = {
  messageBodyMax: 10_000,
  requestBodyBytes: 256 * 1024,
  nameMax: 200,
  labelsPerConversation: 20,
  pageSizeDefault: 25,
  pageSizeMax: 100,
  searchMax: 200,
} as const;
