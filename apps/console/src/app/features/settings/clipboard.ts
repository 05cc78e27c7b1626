/** Copies text; false when the browser refuses (no permission, insecure origin). */
export async function copyText(doc: Document, text: string): Promise<boolean> {
  try {
    await doc.defaultView?.navigator.clipboard.writeText(text);
    return !!doc.defaultView?.navigator.clipboard;
  } catch {
    return false;
  }
}
