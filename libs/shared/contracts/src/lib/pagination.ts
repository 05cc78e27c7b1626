/** Cursor pages: `nextCursor` is opaque; pass it back as `cursor` to get the next page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
