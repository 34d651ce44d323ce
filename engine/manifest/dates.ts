/**
 * A YYYY-MM-DD text read from its character codes as one number, year × 10,000 + month × 100 +
 * day (the schema checks every date of every item, and every asset's date is parsed: no
 * allocation), or -1 in any other form.
 */
export function isoDateNumber(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 /* - */ || text.charCodeAt(7) !== 45) return -1;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  return year < 0 || month < 0 || day < 0 ? -1 : year * 10_000 + month * 100 + day;
}

export const yearOf = (date: number) => Math.floor(date / 10_000);
export const monthOf = (date: number) => Math.floor(date / 100) % 100;
export const dayOf = (date: number) => date % 100;

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
