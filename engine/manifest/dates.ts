/**
 * Year, month and day of a YYYY-MM-DD text, read from its character codes (the schema checks
 * every date of every item, and every asset's date is parsed), or undefined in any other form.
 */
export function isoDateParts(text: string): [year: number, month: number, day: number] | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 /* - */ || text.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  return year < 0 || month < 0 || day < 0 ? undefined : [year, month, day];
}

/** The number written with `count` ASCII digits at `start`, or -1. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}
