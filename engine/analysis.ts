import { Document, isMap, isPair, isScalar, isSeq, Node } from 'yaml';
import { ComputeContext, ComputeInput, computeInventory, Inventory } from './compute/inventory';
import { Methodology, Note } from './compute/notes';
import { dataCatalog, factorSetFor } from './data/registry';
import { Finding, SEVERITY_ORDER, Suggestion } from './manifest/finding';
import { LineIndex } from './manifest/lines';
import { locate, parseManifest, ParsedManifest, PathSegment } from './manifest/parse';
import { ItemKind, SECTION_ITEM_KIND, validateValue } from './manifest/schema';
import { schemaIssues, SchemaIssue } from './manifest/schemaErrors';
import { checkNonFinite, checkSemantics, Sections } from './manifest/semantic';
import { Asset, Budget, FactorOverride, PeriodRange, Scenario, Site } from './manifest/types.generated';
import { UnitCache } from './compute/unit';
import { parseIsoDate } from './compute/period';

export interface AnalyzeOptions {
  /** Used when the manifest has no `methodology`. */
  defaultMethodology?: Methodology;
  /** Grid location for sites without one. */
  defaultLocation?: string;
  /** Reuse per-unit profiles across analyses of the same document. */
  unitCache?: UnitCache;
}

export type SectionName = 'sites' | 'assets' | 'budgets' | 'scenarios' | 'factors';
export const SECTIONS: readonly SectionName[] = ['sites', 'assets', 'budgets', 'scenarios', 'factors'];

/** A site, asset, budget, scenario or factor override and where it is in the text. */
export interface OutlineItem {
  section: SectionName;
  index: number;
  id?: string;
  start: number;
  end: number;
  /** Range of the id value (or the item's first line when it has none). */
  selectionStart: number;
  selectionEnd: number;
}

export interface Analysis {
  text: string;
  lines: LineIndex;
  parsed: ParsedManifest;
  methodology: Methodology;
  /** Present when the manifest was complete enough to compute. */
  inventory?: Inventory;
  /** What the inventory was computed from, for scenarios and what-ifs. */
  computed?: { input: ComputeInput; context: ComputeContext };
  findings: Finding[];
  outline: OutlineItem[];
}

const TOP_LEVEL_SECTIONS = new Set<string>(SECTIONS);

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const parsed = parseManifest(text);
  const doc = parsed.doc;
  const lines = new LineIndex(text);
  const findings: Finding[] = [...parsed.findings];
  const issues: SchemaIssue[] = [];
  const notes: Note[] = [];
  const root = parsed.value;
  let methodology: Methodology = options.defaultMethodology ?? 'default';
  let inventory: Inventory | undefined;
  let computed: Analysis['computed'];

  if (root !== null && typeof root === 'object' && !Array.isArray(root)) {
    const manifest = root as Record<string, unknown>;
    // Validate the top level with each section list emptied, then every item on its own:
    // an edit then only needs its own item revalidated, and messages stay per item.
    const skeleton: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(manifest)) skeleton[key] = TOP_LEVEL_SECTIONS.has(key) && Array.isArray(value) ? [] : value;
    issues.push(...schemaIssues(validateValue(skeleton), skeleton));
    // Other top-level mistakes (a misspelt key, a wrong version) must not hide every number:
    // only a missing or invalid period stops the computation.
    const periodUsable = !issues.some((i) => i.path[0] === 'period' || (i.code === 'missing-required' && i.data?.property === 'period'));
    if (manifest.methodology === 'default' || manifest.methodology === 'boavizta-2.4') methodology = manifest.methodology;

    const sections = {} as Record<SectionName, unknown[]>;
    for (const section of SECTIONS) {
      const items = Array.isArray(manifest[section]) ? (manifest[section] as unknown[]) : [];
      sections[section] = items.map((item, index) => {
        const kind = SECTION_ITEM_KIND[section] as ItemKind;
        const errors = validateValue(item, kind);
        const itemIssues = schemaIssues(errors, item, [section, index]);
        issues.push(...itemIssues);
        const nonFinite = checkNonFinite(item, [section, index], notes);
        return itemIssues.length === 0 && !nonFinite ? item : undefined;
      });
    }
    const typed = sections as unknown as Sections;
    const data = dataCatalog();
    const semantic = checkSemantics(typed, data);
    notes.push(...semantic.notes);
    const periodOk = periodUsable && periodIsValid(manifest.period, notes);
    if (periodOk) {
      const drop = <T>(items: readonly (T | undefined)[], invalid: Set<number>) => items.map((item, i) => (invalid.has(i) ? undefined : item));
      const factors = drop(typed.factors, semantic.invalidFactors).filter((f): f is FactorOverride => f !== undefined);
      const input: ComputeInput = {
        organization: typeof manifest.organization === 'string' ? manifest.organization : undefined,
        methodology,
        period: manifest.period as number | PeriodRange,
        sites: drop(typed.sites, semantic.invalidSites) as (Site | undefined)[],
        assets: drop(typed.assets, semantic.invalidAssets) as (Asset | undefined)[],
        budgets: drop(typed.budgets, semantic.invalidBudgets) as (Budget | undefined)[],
        scenarios: drop(typed.scenarios, semantic.invalidScenarios) as (Scenario | undefined)[],
        factors,
        defaultLocation: options.defaultLocation,
      };
      computed = { input, context: { factors: factorSetFor(factors), unitCache: options.unitCache } };
      inventory = computeInventory(input, computed.context);
      notes.push(...inventory.notes);
    }
  } else if (parsed.findings.length === 0 || root === undefined || root === null) {
    if (!parsed.findings.some((f) => f.severity === 'error')) {
      findings.push({
        code: 'not-a-manifest',
        severity: 'error',
        message: root === undefined || root === null
          ? 'This file is empty: a manifest starts with `version: 1`, a `period`, `sites` and `assets`.'
          : 'A manifest must be a mapping of keys (`version`, `period`, `sites`, `assets`, …), not a list or a single value.',
        start: 0,
        end: Math.min(text.length, Math.max(1, text.indexOf('\n'))),
      });
    }
  }

  for (const issue of issues) findings.push(issueFinding(doc, text, issue));
  for (const note of notes) findings.push(noteFinding(doc, text, note));
  findings.sort((a, b) => a.start - b.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { text, lines, parsed, methodology, inventory, computed, findings: applyIgnoreComments(text, lines, findings), outline: outlineOf(doc) };
}

function periodIsValid(period: unknown, notes: Note[]): boolean {
  if (period && typeof period === 'object') {
    const range = period as PeriodRange;
    if (parseIsoDate(range.end) <= parseIsoDate(range.start)) {
      notes.push({ code: 'invalid-period', severity: 'error', message: `The period ends (${range.end}) before it starts (${range.start}).`, path: ['period', 'end'] });
      return false;
    }
  }
  return true;
}

/** Start and end of the first line of the node at `path` (where "missing X" goes). */
function objectHead(doc: Document | undefined, text: string, path: PathSegment[]): { start: number; end: number } {
  const where = locate(doc, path);
  const start = where ? where.start : 0;
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  if (where) end = Math.min(end, Math.max(where.end, start));
  return { start, end: Math.max(end, Math.min(text.length, start + 1)) };
}

function rangeFor(doc: Document | undefined, text: string, path: PathSegment[], on: 'key' | 'value' | 'object'): { start: number; end: number } {
  if (on === 'object') return objectHead(doc, text, path);
  const where = locate(doc, path);
  if (!where) return objectHead(doc, text, path.slice(0, -1));
  if (on === 'key' && where.keyStart !== undefined && where.keyEnd !== undefined) return { start: where.keyStart, end: where.keyEnd };
  if (where.end <= where.start && where.keyStart !== undefined) return { start: where.keyStart, end: where.keyEnd ?? where.keyStart };
  // A mapping or list value: underline its first line, not the whole block.
  const newline = text.indexOf('\n', where.start);
  return { start: where.start, end: newline >= 0 && newline < where.end ? newline : where.end };
}

function issueFinding(doc: Document | undefined, text: string, issue: SchemaIssue): Finding {
  const { start, end } = rangeFor(doc, text, issue.path, issue.on);
  const finding: Finding = { code: issue.code, severity: 'error', message: issue.message, start, end, data: { ...issue.data, path: issue.path } };
  if (issue.replacement) {
    const target = rangeFor(doc, text, issue.path, issue.replacement.target);
    finding.suggestions = [{ title: issue.replacement.title, start: target.start, end: target.end, newText: issue.replacement.text }];
  }
  return finding;
}

function noteFinding(doc: Document | undefined, text: string, note: Note): Finding {
  const { start, end } = rangeFor(doc, text, note.path, note.onKey ? 'key' : 'value');
  const finding: Finding = { code: note.code, severity: note.severity, message: note.message, start, end, data: { ...note.data, path: note.path } };
  if (note.related) {
    finding.related = note.related.map((r) => ({ ...objectHead(doc, text, r.path), message: r.message }));
  }
  const suggestion = note.data?.suggestion;
  if (typeof suggestion === 'string' && note.code.startsWith('unknown-')) {
    const suggestions: Suggestion[] = [{ title: `Change to "${suggestion}"`, start, end, newText: suggestion }];
    finding.suggestions = suggestions;
  }
  return finding;
}

const IGNORE_PATTERN = /#\s*carbon-lens-ignore\s+([a-z0-9-]+)(?:\s+(.*))?$/;

/** `# carbon-lens-ignore <code> <reason>` on the line above silences that finding. */
function applyIgnoreComments(text: string, lines: LineIndex, findings: Finding[]): Finding[] {
  if (!text.includes('carbon-lens-ignore')) return findings;
  return findings.filter((finding) => {
    const line = lines.position(finding.start).line;
    if (line === 0) return true;
    const previousStart = lines.lineStart(line - 1);
    const previous = text.slice(previousStart, lines.lineStart(line)).trimEnd();
    const match = IGNORE_PATTERN.exec(previous);
    return !(match && match[1] === finding.code);
  });
}

function outlineOf(doc: Document | undefined): OutlineItem[] {
  const items: OutlineItem[] = [];
  if (!doc || !isMap(doc.contents)) return items;
  for (const pair of doc.contents.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const section = String(pair.key.value) as SectionName;
    if (!TOP_LEVEL_SECTIONS.has(section) || !isSeq(pair.value)) continue;
    pair.value.items.forEach((item, index) => {
      const node = item as Node;
      if (!node?.range) return;
      let id: string | undefined;
      let selection: [number, number] = [node.range[0], node.range[0]];
      if (isMap(node)) {
        const idPair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'id');
        if (idPair && isScalar(idPair.value) && idPair.value.range) {
          id = String(idPair.value.value);
          selection = [idPair.value.range[0], idPair.value.range[1]];
        }
      }
      items.push({ section, index, id, start: node.range[0], end: node.range[1], selectionStart: selection[0], selectionEnd: selection[1] });
    });
  }
  return items;
}
