/**
 * What must hold for any manifest text, however broken: checked by the fuzz tests on the
 * language-service functions and on the CLI engine path.
 */
import { CodeAction, Diagnostic, DocumentSymbol, Range, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, Analysis, formatReports, formatSarif, REPORT_FORMATS, reportFromAnalysis, Report } from '../../engine';
import { codeActions } from '../../server/src/service/codeActions';
import { codeLenses } from '../../server/src/service/codeLens';
import { complete } from '../../server/src/service/completion';
import { hover } from '../../server/src/service/hover';
import { documentSymbols, foldingRanges } from '../../server/src/service/symbols';
import { validate } from '../../server/src/service/validate';
import { DEFAULT_SETTINGS, Settings } from '../../contracts/settings';

export const URI = 'file:///fuzz/manifest.carbon.yaml';

export class InvariantError extends Error {}

function fail(message: string): never {
  throw new InvariantError(message);
}

/** Line lengths as LSP sees them (the document model of vscode-languageserver-textdocument). */
export class DocShape {
  readonly doc: TextDocument;
  readonly lineCount: number;
  private readonly lengths: number[] = [];

  constructor(readonly text: string) {
    this.doc = TextDocument.create(URI, 'carbon-yaml', 1, text);
    this.lineCount = this.doc.lineCount;
    for (let line = 0; line < this.lineCount; line++) {
      const start = this.doc.offsetAt({ line, character: 0 });
      const end = line + 1 < this.lineCount ? this.doc.offsetAt({ line: line + 1, character: 0 }) : text.length;
      // Exclude the line break from the line's length.
      let length = end - start;
      if (line + 1 < this.lineCount) {
        if (text.slice(end - 2, end) === '\r\n') length -= 2;
        else length -= 1;
      }
      this.lengths.push(length);
    }
  }

  /** Throws unless `range` is a well-formed range inside the document (ends may be at line ends). */
  checkRange(range: Range | undefined, what: string): void {
    if (!range) fail(`${what}: no range`);
    for (const [name, p] of [['start', range.start], ['end', range.end]] as const) {
      if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) fail(`${what}: ${name} ${JSON.stringify(p)} is not a position`);
      if (p.line >= this.lineCount) fail(`${what}: ${name} line ${p.line} is past the last line (${this.lineCount - 1})`);
      if (p.character > this.lengths[p.line]) fail(`${what}: ${name} ${JSON.stringify(p)} is past the end of its line (${this.lengths[p.line]})`);
    }
    if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) {
      fail(`${what}: range ${JSON.stringify(range)} ends before it starts`);
    }
  }

  contains(outer: Range, inner: Range): boolean {
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
  }

  /** Applies LSP text edits (as a client would) and returns the new text. */
  apply(edits: TextEdit[]): string {
    return TextDocument.applyEdits(this.doc, edits);
  }
}

const DISHONEST = /\bNaN\b|Infinity|undefined|\[object Object\]|(?<![\w/])n\/a(?![\w/])/g;
const NEGATIVE_MASS = /(^|[^\w.])[-−]\s?\d[\d,.]*\s?(kg|t|kt)CO2e/g;
/** Exponent notation ("3.1e+221%") is not a figure a reader can use. */
const EXPONENT = /\d+(\.\d+)?e[+-]\d+/gi;

/**
 * User-visible text (hover, lens title, report) must not show NaN, Infinity, a negative mass
 * or exponent notation, unless the manifest itself contains that very text (ids, names and
 * scenario descriptions echo what the user wrote).
 */
export function checkHonestText(text: string, what: string, source = '', options: { exponents?: boolean } = {}): void {
  const check = (pattern: RegExp, problem: string) => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const token = m[0].trim();
      if (token && source.includes(token.replace(/^[^\d-−]*/, ''))) continue;
      fail(`${what} shows ${problem} "${m[0]}": ${excerpt(text, m.index)}`);
    }
  };
  check(DISHONEST, '');
  if (options.exponents !== false) check(EXPONENT, 'a number in exponent notation');
  check(NEGATIVE_MASS, 'a negative mass');
}

function excerpt(text: string, at: number): string {
  return JSON.stringify(text.slice(Math.max(0, at - 80), at + 80));
}

/** Keys of report numbers that may legitimately be negative (savings can be negative: a scenario can add CO2e). */
// Savings can be negative; so can a factor row's value (a power-curve intercept such as -10.13 W).
const SIGNED_KEYS = /^saving|^factors$/;

/** Every number in a report is finite; emissions, energy and counts are never negative. */
export function checkHonestReport(report: unknown): void {
  const walk = (value: unknown, path: string, signed: boolean) => {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) fail(`report ${path} is ${value}`);
      if (value < 0 && !signed) fail(`report ${path} is negative (${value})`);
      if (Object.is(value, -0)) fail(`report ${path} is -0 (prints as "-0")`);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`, signed));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, signed || SIGNED_KEYS.test(k));
    }
  };
  walk(report, 'report', false);
}

/** A canonical string of any result, for determinism checks (HTML nonces are random by design). */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? `#${v}` : v))
    .replace(/nonce-[A-Za-z0-9+/=]+/g, 'nonce-X')
    .replace(/nonce=\\?"[A-Za-z0-9+/=]+\\?"/g, 'nonce="X"');
}

/** Positions: spread over the document by ratio, plus raw (possibly out-of-range) ones. */
export function positionsIn(shape: DocShape, ratios: number[], raw: { line: number; character: number }[] = []): { line: number; character: number }[] {
  const fromRatios = ratios.map((r) => shape.doc.positionAt(Math.floor(r * (shape.text.length + 1))));
  return [...fromRatios, ...raw];
}

export interface ServiceRun {
  diagnostics: Diagnostic[];
  hovers: unknown[];
  lenses: unknown[];
  completions: unknown[];
  actions: CodeAction[];
  symbols: DocumentSymbol[];
  folding: unknown[];
}

/**
 * Runs every language-service function on `text` and checks the invariants: no throw (the
 * caller's property fails on any exception), ranges inside the document, honest numbers.
 */
export function runServices(text: string, positions: { line: number; character: number }[], settings: Settings = DEFAULT_SETTINGS, analysis: Analysis = analyze(text)): ServiceRun {
  const shape = new DocShape(text);
  const diagnostics = validate(analysis, URI, settings);
  for (const d of diagnostics) {
    shape.checkRange(d.range, `diagnostic ${String(d.code)}`);
    for (const r of d.relatedInformation ?? []) shape.checkRange(r.location.range, `related information of ${String(d.code)}`);
    if (typeof d.message !== 'string' || d.message.length === 0) fail(`diagnostic ${String(d.code)} has no message`);
  }
  const hovers = positions.map((p) => {
    const h = hover(analysis, p, settings);
    if (h) {
      const value = (h.contents as { value: string }).value;
      if (typeof value !== 'string') fail('hover without Markdown');
      checkHonestText(value, `hover at ${JSON.stringify(p)}`, text);
      if (h.range) shape.checkRange(h.range, `hover range at ${JSON.stringify(p)}`);
    }
    return h;
  });
  const lenses = codeLenses(analysis, URI, settings);
  for (const lens of lenses) {
    shape.checkRange(lens.range, 'code lens');
    if (!lens.command?.title) fail('code lens without a title');
    checkHonestText(lens.command.title, 'code lens title', text);
  }
  const completions = positions.map((p) => {
    const items = complete(analysis, p);
    for (const item of items) {
      if (typeof item.label !== 'string' || item.label.length === 0) fail('completion item without a label');
      if (item.textEdit && 'range' in item.textEdit) shape.checkRange(item.textEdit.range, 'completion edit');
    }
    return items;
  });
  const actions = codeActions(analysis, URI, diagnostics);
  for (const action of actions) {
    checkHonestText(action.title, 'code action title', text);
    const edits = action.edit?.changes?.[URI] ?? [];
    for (const e of edits) shape.checkRange(e.range, `edit of "${action.title}"`);
    if (edits.length > 0) shape.apply(edits);
  }
  const symbols = documentSymbols(analysis);
  const walk = (list: DocumentSymbol[]) => {
    for (const s of list) {
      shape.checkRange(s.range, `symbol ${s.name}`);
      shape.checkRange(s.selectionRange, `selection of symbol ${s.name}`);
      if (!shape.contains(s.range, s.selectionRange)) fail(`symbol ${s.name}: selection range ${JSON.stringify(s.selectionRange)} is outside its range ${JSON.stringify(s.range)}`);
      if (!s.name) fail('symbol without a name');
      walk(s.children ?? []);
    }
  };
  walk(symbols);
  const folding = foldingRanges(analysis) ?? [];
  for (const f of folding) {
    if (f.startLine < 0 || f.endLine >= shape.lineCount || f.startLine > f.endLine) fail(`folding range ${JSON.stringify(f)} outside the document`);
  }
  return { diagnostics, hovers, lenses, completions, actions, symbols, folding };
}

export interface EngineRun {
  report: Report;
  outputs: Record<string, string>;
}

/** The CLI path: analyse, build the report (with what-ifs), and print it in every format. */
export function runEngine(text: string, file = 'fuzz.carbon.yaml'): EngineRun {
  const analysis = analyze(text);
  const report = reportFromAnalysis(analysis, file, true);
  checkHonestReport(report);
  // Nothing computed: the report says why instead of showing zeros.
  if (!analysis.inventory && !report.notComputed) fail('no inventory, but the report does not say why');
  if (analysis.inventory && report.notComputed) fail(`an inventory, but the report says "${report.notComputed}"`);
  const outputs: Record<string, string> = {};
  for (const format of REPORT_FORMATS) outputs[format] = formatReports([report], format);
  outputs.sarif = formatSarif([report], '0.0.0');
  JSON.parse(outputs.json);
  if (report.notComputed && /Total footprint|Total this period|<p class="total">/.test(outputs.text + outputs.markdown + outputs.html)) fail('nothing computed, yet a total is printed');
  JSON.parse(outputs.sarif);
  // Diagnostic messages quote the manifest ("-1 tCO2e" is negative): check the figures without them.
  // Savings are signed (a scenario can add CO2e): check their magnitude, not their sign.
  const unsigned = (s: Report['scenarios'][number]) => ({ ...s, savingKgCO2e: Math.abs(s.savingKgCO2e), savingMarketKgCO2e: Math.abs(s.savingMarketKgCO2e) });
  const figures = { ...report, diagnostics: [], scenarios: report.scenarios.map(unsigned), whatIfs: report.whatIfs.map(unsigned) };
  // CSV is for machines: exponent notation is a valid number there.
  for (const format of ['text', 'markdown', 'csv', 'html', 'ghg-inventory', 'ghg-inventory-csv'] as const) {
    // The HTML nonce is random base64 ("…1E+325…" is not a number).
    const out = formatReports([figures], format).replace(/nonce-[A-Za-z0-9+/=]+|nonce="[A-Za-z0-9+/=]+"/g, 'nonce');
    checkHonestText(out, `${format} report`, text, { exponents: !format.endsWith('csv') });
  }
  const shape = new DocShape(text);
  for (const d of report.diagnostics) {
    shape.checkRange({ start: { line: d.line - 1, character: d.column - 1 }, end: { line: d.endLine - 1, character: d.endColumn - 1 } }, `report diagnostic ${d.code}`);
  }
  return { report, outputs };
}
