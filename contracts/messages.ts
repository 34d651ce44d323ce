/**
 * Diagnostic messages name keys and values in backticks (`count`, `carbon-lens-ignore`), as
 * Markdown code spans: the Problems panel shows them as written, a page shows them as code.
 */

/** A message cut into plain text and code spans, for outputs that render code (the report page). */
export function codeSpans(message: string): { text: string; code: boolean }[] {
  const parts: { text: string; code: boolean }[] = [];
  const pattern = /`([^`\n]+)`/g;
  let last = 0;
  for (let match = pattern.exec(message); match; match = pattern.exec(message)) {
    if (match.index > last) parts.push({ text: message.slice(last, match.index), code: false });
    parts.push({ text: match[1], code: true });
    last = match.index + match[0].length;
  }
  if (last < message.length) parts.push({ text: message.slice(last), code: false });
  return parts;
}
