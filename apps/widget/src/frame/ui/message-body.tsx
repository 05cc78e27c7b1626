const LINK = /\bhttps?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)\]}]/g;

/**
 * Message text is data: it becomes text nodes, and only http(s) URLs become links. Nothing here
 * ever parses the body as HTML.
 */
export function MessageBody({ text }: { text: string }) {
  const parts: (string | { url: string })[] = [];
  let last = 0;
  text.replace(LINK, (url: string, offset: number) => {
    if (offset > last) parts.push(text.slice(last, offset));
    parts.push({ url });
    last = offset + url.length;
    return url;
  });
  if (last < text.length) parts.push(text.slice(last));
  return (
    <>
      {parts.map((part, i) =>
        typeof part === 'string' ? (
          part
        ) : (
          <a key={i} href={part.url} target="_blank" rel="noopener noreferrer nofollow">
            {part.url}
          </a>
        ),
      )}
    </>
  );
}
