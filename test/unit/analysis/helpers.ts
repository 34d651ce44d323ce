import { strict as assert } from 'node:assert';
import { analyze, Analysis } from '../../../engine/analysis';
import { Finding } from '../../../engine/manifest/finding';
import { LineIndex } from '../../../engine/manifest/lines';

/**
 * A complete, valid manifest (no errors, no warnings) that the analysis tests break one line at a
 * time. Line numbers are 1-based, as editors and the CLI show them.
 */
export const BASE_LINES = [
  'version: 1', //                                   1
  'period: 2026', //                                 2
  'sites:', //                                       3
  '  - id: s1', //                                   4
  '    location: FR', //                             5
  '    pue: 1.2', //                                 6
  'assets:', //                                      7
  '  - id: a1', //                                   8
  '    site: s1', //                                 9
  '    model: dell-poweredge-r740', //              10
  '    count: 2', //                                11
  '    lifespanYears: 4', //                        12
  '    acquired: 2025-01-01', //                    13
  '    utilization: 0.5', //                        14
  '    transport: { mode: sea, distanceKm: 100 }', //15
  '    endOfLife: recycle', //                      16
  'budgets:', //                                    17
  '  - id: total', //                               18
  '    limit: 900 tCO2e', //                        19
];
export const BASE = `${BASE_LINES.join('\n')}\n`;

/** BASE with 1-based line `n` replaced (several lines when `text` has newlines; '' deletes it). */
export function withLine(n: number, text: string | null, base: string[] = BASE_LINES): string {
  const lines = [...base];
  if (text === null) lines.splice(n - 1, 1);
  else lines.splice(n - 1, 1, text);
  return `${lines.join('\n')}\n`;
}

/** BASE with `text` inserted after 1-based line `n`. */
export function insertAfter(n: number, text: string, base: string[] = BASE_LINES): string {
  const lines = [...base];
  lines.splice(n, 0, text);
  return `${lines.join('\n')}\n`;
}

export interface Shown {
  code: string;
  severity: string;
  message: string;
  /** "line:col-line:col", 1-based, end exclusive. */
  range: string;
}

function show(analysis: Analysis, f: Finding): Shown {
  const s = analysis.lines.position(f.start);
  const e = analysis.lines.position(f.end);
  return { code: f.code, severity: f.severity, message: f.message, range: `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}` };
}

/** Errors and warnings of a manifest, positioned with LineIndex. */
export function problems(text: string): Shown[] {
  const analysis = analyze(text);
  return analysis.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => show(analysis, f));
}

/** The range ("line:col-line:col") of the `occurrence`-th `token` on 1-based line `line` of `text`. */
export function rangeOf(text: string, line: number, token: string, occurrence = 1): string {
  const index = new LineIndex(text);
  const start = index.lineStart(line - 1);
  const next = line < index.lineCount ? index.lineStart(line) : text.length;
  const lineText = text.slice(start, next);
  let at = -1;
  for (let i = 0; i < occurrence; i++) at = lineText.indexOf(token, at + 1);
  assert.ok(at >= 0, `"${token}" on line ${line}`);
  const s = index.position(start + at);
  const e = index.position(start + at + token.length);
  return `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`;
}

/**
 * What an error adds about the count (what was assumed in its place, or that its item is left
 * out): tests of a mistake's wording compare the message without it; its own tests check it.
 */
const COUNT_SENTENCE = / (Until it is fixed, .*|This item is left out of the totals until it is fixed\.)$/;

/**
 * Asserts that `text` has exactly one problem, with this code, message and range; returns it.
 * A `budget-unknown` warning (the base manifest's budget, when the mistake leaves an item out)
 * is a consequence, not a second mistake: budgets.test.ts and honesty.test.ts test it.
 */
export function one(text: string, expected: { code: string; message: string | RegExp; range: string; severity?: string }): Shown {
  const found = problems(text).filter((p) => p.code !== 'budget-unknown').map((p) => ({ ...p, message: p.message.replace(COUNT_SENTENCE, '') }));
  assert.equal(found.length, 1, `exactly one problem, got:\n${found.map((f) => `  ${f.range} ${f.code}: ${f.message}`).join('\n')}`);
  const [p] = found;
  assert.equal(p.code, expected.code);
  assert.equal(p.severity, expected.severity ?? 'error');
  if (typeof expected.message === 'string') assert.equal(p.message, expected.message);
  else assert.match(p.message, expected.message);
  assert.equal(p.range, expected.range, `range of ${p.code}`);
  assertNotRawAjv(p.message);
  return p;
}

// Phrases of ajv's own English messages: none may reach a user.
const RAW_AJV = [
  /must match exactly one schema/,
  /must match a schema in anyOf/,
  /must match "then" schema/,
  /must NOT/,
  /must have required property/,
  /must be equal to (one of the allowed values|constant)/,
  /must match (pattern|format)/,
  /must be (integer|number|string|object|array|boolean|null)\b/,
  /must be [<>]=?\s*-?\d/,
  /must have property .* when property/,
];

export function assertNotRawAjv(message: string): void {
  for (const pattern of RAW_AJV) assert.doesNotMatch(message, pattern, `raw ajv message: ${message}`);
}
