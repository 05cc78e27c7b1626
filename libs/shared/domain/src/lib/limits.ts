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

/** A UUID in its canonical 8-4-4-4-12 hex form, any case (what Postgres' uuid type prints). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
