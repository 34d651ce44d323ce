/** Escaping manifest text for the Markdown and CSV outputs. */

/**
 * Manifest text as inert Markdown: one line (a line break would end a table row), control
 * characters shown as U+FFFD, and every character that could start a link, image, autolink
 * (`http:`, `www.`, `a@b.c`), HTML or emphasis escaped.
 */
export function mdEscape(text: string): string {
  return String(text).replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '\ufffd').replace(/[|\\`*_<>[\]~:.@&]/g, (c) => `\\${c}`);
}

export function csvCell(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  // Cells starting with = + - @ are neutralised so that spreadsheets never evaluate them.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
