import { countryCodeForName, egridLocationsForState } from '../data/locationSpellings';
import { locationName } from '../data/grid';
import { transportModeFor } from '../data/transportModeNames';

/**
 * Corrections of hand-typed values whose meaning is certain (`"16"` → `16`, `France` → `FR`,
 * `ship` → `sea`, `75%` → `0.75`, `15/01/2025` → `2025-01-15`): the issue gets a `replacement`
 * (the quick fix) and its data the corrected value (`data.correction`). When a value has
 * several readings (`03/04/2025`, a US state served by several eGRID subregions) none is chosen:
 * they are listed in `data.readings` for the user to pick, and the message names them.
 */

/** What a correction needs of a schema issue (schemaErrors.ts's `SchemaIssue`). */
interface Issue {
  code: string;
  message: string;
  path: readonly (string | number)[];
  on: 'key' | 'value' | 'object';
  data?: Record<string, unknown>;
  replacement?: { target: 'key' | 'value'; text: string; title: string };
}

/** One way to read a mistyped value: the text to write and what it means. */
export interface Reading {
  text: string;
  meaning: string;
}

/** Keys whose value is a share between 0 and 1 (the schema's `maximum: 1` numbers). */
export const SHARE_KEYS: ReadonlySet<string> = new Set(['utilization', 'uptime', 'renewableShare']);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dateReading(year: number, month: number, day: number): Reading | undefined {
  const text = isoDate(year, month, day);
  return text ? { text, meaning: `${day} ${MONTHS[month - 1]} ${year}` } : undefined;
}

/** The real dates a date written `15/01/2025`, `01/15/2025`, `2025/1/15` or `15.01.2025` can mean. */
export function dateReadings(written: string): Reading[] {
  const ymd = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$/.exec(written);
  if (ymd) {
    const reading = dateReading(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
    return reading ? [reading] : [];
  }
  const dmy = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$/.exec(written);
  if (!dmy) return [];
  const [a, b, year] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  const dayFirst = dateReading(year, b, a);
  const monthFirst = dateReading(year, a, b);
  const readings = [dayFirst, monthFirst].filter((r): r is Reading => r !== undefined);
  return readings.filter((r, i) => readings.findIndex((o) => o.text === r.text) === i);
}

/** A share written as a percentage (`75`, `75%`, `"75 %"`) as a fraction, or undefined. */
function shareFromPercent(value: unknown): number | undefined {
  const match = typeof value === 'string' ? /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value) : undefined;
  const percent = match ? Number(match[1]) : typeof value === 'number' && value > 1 ? value : undefined;
  if (percent === undefined || !(percent > 0 && percent <= 100)) return undefined;
  return Number((percent / 100).toPrecision(12));
}

function certain<T extends Issue>(issue: T, text: string, hint: string): T {
  return {
    ...issue,
    message: `${issue.message.replace(/\s*Write it without quotes\.$/, '')} ${hint}`,
    data: { ...issue.data, correction: text },
    replacement: { target: 'value', text, title: `Change to ${text}` },
  };
}

function choice<T extends Issue>(issue: T, readings: Reading[], hint: string): T {
  return { ...issue, message: `${issue.message} ${hint}`, data: { ...issue.data, readings } };
}

function locationCorrection<T extends Issue>(issue: T, written: string): T {
  const upper = written.trim().toUpperCase();
  if (/^([A-Z]{2,3}|US-[A-Z]{4})$/.test(upper) && locationName(upper)) {
    return certain(issue, upper, `Codes are written in capitals: ${upper} (${locationName(upper)}).`);
  }
  const country = countryCodeForName(written);
  if (country) return certain(issue, country, `${written.trim()} is written ${country}.`);
  const egrid = egridLocationsForState(written);
  if (egrid?.length === 1) {
    return certain(issue, egrid[0], `US grids are eGRID subregions, not states: ${upper} is served by ${egrid[0]}, ${locationName(egrid[0])}.`);
  }
  if (egrid) {
    const readings = egrid.map((text) => ({ text, meaning: (locationName(text) ?? text).replace(/ \(eGRID \w+\)$/, '') }));
    return choice(issue, readings, `US grids are eGRID subregions, not states: ${upper} is served by ${readings.map((r) => `${r.text} (${r.meaning})`).join(', ')}; pick the one of your site.`);
  }
  return issue;
}

/** The issue with its certain correction (or its possible readings) added, when there is one. */
export function withCorrection<T extends Issue>(issue: T): T {
  if (issue.replacement) {
    return issue.replacement.target === 'value' ? { ...issue, data: { ...issue.data, correction: issue.replacement.text } } : issue;
  }
  if (issue.on !== 'value') return issue;
  const value = issue.data?.value;
  const key = String(issue.path[issue.path.length - 1]);
  if (issue.code === 'wrong-type' && typeof value === 'string') {
    const expected = String(issue.data?.expected ?? '');
    const share = SHARE_KEYS.has(key) ? shareFromPercent(value) : undefined;
    if (share !== undefined) return certain(issue, String(share), `\`${key}\` is a share between 0 and 1: write ${share} for ${value.trim()}.`);
    const number = value.trim() === '' ? NaN : Number(value);
    const fits = expected === 'integer' ? Number.isInteger(number) : /number/.test(expected) && Number.isFinite(number);
    if (fits) {
      const written = SHARE_KEYS.has(key) && number > 1 ? shareFromPercent(number) : number;
      if (written !== undefined) return certain(issue, String(written), 'Write it without quotes.');
    }
    return issue;
  }
  if (issue.code === 'invalid-date' && typeof value === 'string') {
    const readings = dateReadings(value);
    if (readings.length === 1) return certain(issue, readings[0].text, `Did you mean ${readings[0].text} (${readings[0].meaning})?`);
    if (readings.length > 1) return choice(issue, readings, `It can be read as ${readings.map((r) => `${r.text} (${r.meaning})`).join(' or ')}; write the one you meant.`);
    return issue;
  }
  if (issue.code === 'invalid-value' && key === 'mode' && typeof value === 'string') {
    const mode = transportModeFor(value);
    if (mode) return certain(issue, mode, `"${value}" is ${mode} freight: write ${mode}.`);
    return issue;
  }
  if (issue.code === 'invalid-location' && typeof value === 'string') return locationCorrection(issue, value);
  return issue;
}
