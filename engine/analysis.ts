import { ComputeContext, ComputeInput, computeInventory, Inventory, LeftOut } from './compute/inventory';
import { LastGoodFigures } from './compute/lastGood';
import { Methodology } from './compute/notes';
import type { BaselineTotals } from './compute/targets';
import { parseIsoDate } from './compute/period';
import { dataCatalog, factorSetFor } from './data/registry';
import { DocumentReuse } from './incremental/reuse';
import { UnitCache } from './incremental/unitCache';
import { buildSegmentedSteps, editSegmented, NeedWholeDocument, segmentedComputeContext, SegmentedState, segmentedSource } from './incremental/segmented';
import { Finding, SEVERITY_ORDER } from './manifest/finding';
import { PathSegment } from './manifest/tree';
import { checkItem } from './manifest/itemCheck';
import { LineIndex } from './manifest/lines';
import { Note } from './manifest/note';
import { outlineOf, OutlineItem } from './manifest/outline';
import { locate, parseManifest, ParsedManifest } from './manifest/parse';
import { applyIgnoreComments, issueFinding, markTotalsErrors, noteFinding } from './manifest/position';
import { manifestSchema, validateValue } from './manifest/schema';
import { schemaIssues, SchemaIssue } from './manifest/schemaErrors';
import { isSectionName, SectionName, SECTIONS } from './manifest/sections';
import { checkSemantics, Sections } from './manifest/semantic';
import { checkableRemains } from './manifest/repair';
import { ManifestSource } from './manifest/source';
import { YAML_TREE } from './manifest/tree';
import { Asset, Budget, FactorOverride, Measurement, PeriodQuarter, PeriodRange, PeriodYear, Scenario, Site, Target } from './manifest/types.generated';

export type { OutlineItem } from './manifest/outline';
export type { SectionName } from './manifest/sections';

export interface AnalyzeOptions {
  /** Used when the manifest has no `methodology`. */
  defaultMethodology?: Methodology;
  /** Grid location for sites without one. */
  defaultLocation?: string;
  /** Saved reports named by targets' `baseline`, read by the CLI or the server (the engine reads no file). */
  baselines?: ReadonlyMap<string, BaselineTotals>;
  /** Reuse per-unit profiles across analyses of the same document. */
  unitCache?: UnitCache;
  /**
   * The document's last good asset figures: an asset that cannot be computed while it is being
   * typed keeps its last figure, marked stale (the editor's; one-off analyses have none).
   */
  lastGood?: LastGoodFigures;
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

/** The whole-document reading: one `yaml` parse of the text, whatever its layout. */
export function wholeSource(text: string): ManifestSource {
  const parsed = parseManifest(text);
  const doc = parsed.doc;
  // After the first syntax error the parser's recovery may misread every line (an unclosed
  // quote or bracket runs on): only the items that end before it are read as written.
  const firstError = doc && doc.errors.length > 0 ? Math.min(...parsed.findings.filter((f) => f.code === 'yaml-syntax').map((f) => f.start)) : Infinity;
  return {
    parsed,
    lines: new LineIndex(text),
    syntaxErrors: !!doc && doc.errors.length > 0,
    brokenItem: (section, index) => itemTextEnd(text, locate(doc, [section, index])?.start) > firstError,
    locate: (path) => locate(doc, path),
    outline: () => outlineOf(YAML_TREE, doc?.contents),
  };
}

/**
 * Analyses a manifest. Large manifests written in the usual block style are read item by
 * item (engine/incremental); anything else with one `yaml` parse. Both give the same result, except that with YAML syntax errors the segmented reading also computes and checks the items the errors do not touch.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const steps = analysisSteps(text, options, undefined, true);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value.analysis;
  }
}

/** The reference reading: one `yaml` parse of the whole text, whatever its layout. */
export function analyzeWhole(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyzeSource(wholeSource(text), options);
}

export interface IncrementalResult {
  analysis: Analysis;
  /** What the next version's analysis can reuse (none when the text had to be read whole). */
  state?: SegmentedState;
}

/**
 * Analyses `text`, reusing `previous` (the state of an earlier version of the same document)
 * for everything the edit did not touch. Returns the state to pass with the next version.
 */
export function analyzeIncremental(text: string, options: AnalyzeOptions = {}, previous?: SegmentedState): IncrementalResult {
  const steps = analysisSteps(text, options, previous);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `analyzeIncremental` in steps: a long full reading yields now and then, so that the server
 * can answer requests in between and drop the work when a newer version arrives.
 */
export function* analysisSteps(text: string, options: AnalyzeOptions = {}, previous?: SegmentedState, oneShot = false): Generator<void, IncrementalResult> {
  // Absurd nesting (hostile input) is refused by the whole-document reading before any parse:
  // buildSegmented and editSegmented check `nestingExceeded` (on every edit that can change it).
  if (previous) {
    const edited = analyzeEdit(text, options, previous);
    if (edited) return edited;
  }
  const state = yield* buildSegmentedSteps(text, oneShot);
  const assembled = state && assemble(state, options);
  return assembled || { analysis: analyzeWhole(text, options) };
}

/**
 * Where the list item starting at `start` ends in the text: before the next line indented less
 * than its first key (a tab-indented line, which the parser cannot place, is taken as inside it).
 */
function itemTextEnd(text: string, start: number | undefined): number {
  if (start === undefined) return Infinity;
  const column = start - (text.lastIndexOf('\n', start - 1) + 1);
  for (let at = text.indexOf('\n', start); at >= 0; at = text.indexOf('\n', at + 1)) {
    const next = text.indexOf('\n', at + 1);
    const line = text.slice(at + 1, next < 0 ? text.length : next);
    const content = line.trimStart();
    if (content === '' || content.startsWith('#') || line.startsWith('\t')) continue;
    if (line.length - content.length <= column - 2) return at;
  }
  return text.length;
}

/** The analysis of `text` as an edit of `previous` when only the edited item needs reading again; else undefined. */
export function analyzeEdit(text: string, options: AnalyzeOptions, previous: SegmentedState): Required<IncrementalResult> | undefined {
  const state = editSegmented(previous, text);
  return state && assemble(state, options);
}

function assemble(state: SegmentedState, options: AnalyzeOptions): Required<IncrementalResult> | undefined {
  try {
    const computeContext = (factors: readonly FactorOverride[]) => segmentedComputeContext(state, factors, options.unitCache);
    return { analysis: analyzeSource(segmentedSource(state), options, computeContext), state };
  } catch (error) {
    if (error instanceof NeedWholeDocument) return undefined;
    throw error;
  }
}

/** The analysis pipeline: validation, references, computation, positioned findings, outline. */
export function analyzeSource(
  source: ManifestSource,
  options: AnalyzeOptions = {},
  /** The compute context for the manifest's factor overrides (default: a fresh one). */
  computeContext?: (factors: readonly FactorOverride[]) => ComputeContext,
): Analysis {
  const { parsed, lines } = source;
  const text = parsed.text;
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
    // Object.fromEntries, not `skeleton[key] =`: a `__proto__` key must stay an (unknown) key, not
    // become the skeleton's prototype (whose keys the validator would then report as the manifest's).
    const skeleton: Record<string, unknown> = Object.fromEntries(Object.entries(manifest).map(([key, value]) => [key, isSectionName(key) && Array.isArray(value) ? [] : value]));
    issues.push(...schemaIssues(validateValue(skeleton), skeleton));
    // Other top-level mistakes (a misspelt key, a wrong version) must not hide every number:
    // only a missing or invalid period stops the computation.
    const periodUsable = manifest.period !== undefined && manifest.period !== null && !issues.some((i) => i.path[0] === 'period');
    if (manifest.methodology === 'default' || manifest.methodology === 'boavizta-2.4') methodology = manifest.methodology;

    const sections = {} as Record<SectionName, unknown[]>;
    // What the reference checks read: the computed items, and what is valid of the others.
    const checkable = {} as Record<SectionName, unknown[]>;
    const leftOutParts: LeftOut[] = [];
    // Ids of every site and asset written in the text, valid or not: a reference to a site that
    // has its own error is not also "unknown" (one error per mistake). Only a reference that is
    // not found otherwise asks, so the sets are built on first use.
    const declaredIds = { sites: [] as string[], assets: [] as string[] };
    const lazySet = (ids: readonly string[]) => {
      let set: Set<string> | undefined;
      return { has: (id: string) => (set ??= new Set(ids)).has(id) };
    };
    const declared = { sites: lazySet(declaredIds.sites), assets: lazySet(declaredIds.assets) };
    for (const section of SECTIONS) {
      let items = Array.isArray(manifest[section]) ? (manifest[section] as unknown[]) : [];
      // The skeleton above has its lists emptied, so the sections' maxItems are checked here;
      // items beyond it are neither validated nor computed (it bounds the work on hostile input).
      const maxItems = manifestSchema.properties?.[section]?.maxItems;
      if (typeof maxItems === 'number' && items.length > maxItems) {
        issues.push({
          code: 'out-of-range', path: [section], on: 'key', data: { limit: maxItems, count: items.length },
          message: `\`${section}\` has ${items.length.toLocaleString('en-US')} entries; at most ${maxItems.toLocaleString('en-US')} are allowed, and only the first ${maxItems.toLocaleString('en-US')} are checked and computed.`,
        });
        items = items.slice(0, maxItems);
      }
      checkable[section] = [];
      sections[section] = items.map((item, index) => {
        // Left out until its syntax is fixed (the syntax error says what is wrong).
        if (source.syntaxErrors && (source.brokenItem?.(section, index) ?? true)) return undefined;
        const check = source.checkItem?.(section, index, item) ?? checkItem(section, index, item);
        for (const issue of check.issues) issues.push(issue);
        for (const note of check.notes) notes.push(note);
        if ((section === 'sites' || section === 'assets') && check.id !== undefined) declaredIds[section].push(check.id);
        checkable[section][index] = check.valid ?? checkableRemains(item, check.issues);
        if (check.leftOutParts) for (const part of check.leftOutParts) leftOutParts.push({ kind: 'part', path: part.path, what: part.what, ...(check.id !== undefined ? { siteId: check.id } : {}), reason: `this ${part.what} has errors` });
        return check.valid;
      });
    }
    if (source.syntaxErrors && !source.readsItemsApart) {
      // A syntax error can hide the items after it from the parser: whatever follows is unknown.
      const line = lines.position(Math.min(...parsed.findings.filter((f) => f.code === 'yaml-syntax').map((f) => f.start))).line + 1;
      leftOutParts.push({ kind: 'part', path: [], what: 'unread part of the file', reason: `a YAML syntax error at line ${line} keeps the rest of the file from being read` });
    }
    const typed = sections as unknown as Sections;
    const data = dataCatalog();
    // Items left out are checked too (what is valid of them), so that every error arrives in one pass.
    const semantic = checkSemantics(checkable as unknown as Sections, data, declared, source.semanticMemo);
    notes.push(...semantic.notes);
    const periodOk = periodUsable && periodIsValid(manifest.period, notes);
    if (periodOk) {
      const drop = <T>(items: readonly (T | undefined)[], invalid: Set<number>) => items.map((item, i) => (invalid.has(i) ? undefined : item));
      const factors = drop(typed.factors, semantic.invalidFactors).filter((f): f is FactorOverride => f !== undefined);
      const sites = withoutLeaks(drop(typed.sites, semantic.invalidSites) as (Site | undefined)[], semantic.unknownLeaks, leftOutParts);
      const assets = withoutKeys(drop(typed.assets, semantic.invalidAssets) as (Asset | undefined)[], semantic.setAside);
      const input: ComputeInput = {
        organization: typeof manifest.organization === 'string' ? manifest.organization : undefined,
        methodology,
        period: manifest.period as PeriodYear | PeriodQuarter | PeriodRange,
        sites,
        assets,
        budgets: drop(typed.budgets, semantic.invalidBudgets) as (Budget | undefined)[],
        scenarios: drop(typed.scenarios, semantic.invalidScenarios) as (Scenario | undefined)[],
        targets: drop(typed.targets, semantic.invalidTargets) as (Target | undefined)[],
        measurements: drop(typed.measurements, semantic.invalidMeasurements) as (Measurement | undefined)[],
        baselines: options.baselines,
        factors,
        defaultLocation: options.defaultLocation,
        // What the text calls what is left out (only those need naming).
        siteIds: namesOfLeftOut(sites, checkable.sites).map((ref) => ref?.id),
        assetRefs: namesOfLeftOut(assets, checkable.assets),
        leftOutParts,
        assetIdsUnique: true,
      };
      // A whole reading keeps nothing for the next version, but its assets share profiles by content.
      computed = { input, context: computeContext?.(factors) ?? { factors: factorSetFor(factors), reuse: new DocumentReuse(options.unitCache ?? new UnitCache(false)) } };
      inventory = computeInventory(options.lastGood ? { ...input, lastGood: options.lastGood } : input, computed.context);
      notes.push(...inventory.notes);
      sayLeftOut(inventory, issues, notes);
    }
  } else if (parsed.findings.length === 0 || root === undefined || root === null) {
    if (!parsed.findings.some((f) => f.severity === 'error')) {
      findings.push({
        code: 'not-a-manifest',
        severity: 'error',
        message: root === undefined || root === null
          ? 'This file is empty: a manifest starts with `version: 1`, a `period`, `sites` and `assets`.'
          : 'A manifest must be a mapping of keys (`version`, `period`, `sites`, `assets`, …), not a list or a single value.',
        data: { found: root === undefined || root === null ? 'empty' : Array.isArray(root) ? 'list' : typeof root },
        start: 0,
        end: Math.min(text.length, Math.max(1, text.indexOf('\n'))),
      });
    }
  }

  // After a YAML syntax error the parser's recovery guesses at the structure (a tab, an unclosed
  // bracket or quote can swallow the lines after it), so schema, reference and completeness
  // findings would be about a document the user did not write: they are held back until the
  // syntax is fixed, and each syntax mistake gives one error. The inventory is still computed
  // from what could be read, for lenses and hovers.
  // With syntax errors, the findings of the items they do not touch are still given (every
  // error at once), except those that read other items (which may be the broken ones).
  const shown = source.syntaxErrors ? (path: readonly PathSegment[]) => readableDespiteSyntax(source, path) : () => true;
  const estimated = estimatedProperties(issues);
  for (const issue of issues) if (shown(issue.path)) findings.push(issueFinding(source.locate, text, issue));
  for (const note of notes) {
    if (estimated.size && estimated.has(completenessKey(note))) continue;
    if (shown(note.path) && !(source.syntaxErrors && CROSS_ITEM_CODES.has(note.code))) findings.push(noteFinding(source.locate, text, note));
  }
  findings.sort((a, b) => a.start - b.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const analysis: Analysis = { text, lines, parsed, methodology, inventory, computed, findings: applyIgnoreComments(text, lines, markTotalsErrors(findings)), outline: [] };
  if (source.lazyOutline) {
    // Built on first use (lenses, symbols): publishing diagnostics after an edit does not need it.
    let outline: OutlineItem[] | undefined;
    Object.defineProperty(analysis, 'outline', {
      enumerable: true,
      configurable: true,
      get: () => (outline ??= source.outline()),
      set: (value: OutlineItem[]) => (outline = value),
    });
  } else {
    analysis.outline = source.outline();
  }
  return analysis;
}

/** Findings that depend on other items (which a syntax error may hide): held back until the syntax is fixed. */
const CROSS_ITEM_CODES = new Set(['duplicate-id', 'unknown-site', 'unknown-asset', 'budget-unknown', 'budget-exceeded', 'budget-near', 'budget-ok', 'missing-pue']);

/** Whether a finding at `path` is about a list item that no syntax error touches. */
function readableDespiteSyntax(source: ManifestSource, path: readonly PathSegment[]): boolean {
  return path.length >= 2 && isSectionName(String(path[0])) && typeof path[1] === 'number' && source.brokenItem !== undefined && !source.brokenItem(path[0] as SectionName, path[1]);
}

const LEFT_OUT_SENTENCE = ' This item is left out of the totals until it is fixed.';

/**
 * The errors of each asset or site left out say so: an error that cannot be estimated around
 * must not read like one that was (those say what was assumed instead).
 */
function sayLeftOut(inventory: Inventory, issues: SchemaIssue[], notes: Note[]): void {
  if (inventory.excluded.length === 0) return;
  const leftOut = new Set(inventory.excluded.filter((e) => e.kind !== 'part').map((e) => `${String(e.path[0])}/${String(e.path[1])}`));
  const inItem = (path: readonly unknown[]) => leftOut.has(`${String(path[0])}/${String(path[1])}`);
  const mark = <T extends { message: string; data?: Record<string, unknown> }>(entry: T): T => ({ ...entry, message: entry.message + LEFT_OUT_SENTENCE, data: { ...entry.data, leftOut: true } });
  issues.forEach((issue, i) => {
    if (inItem(issue.path) && !issue.data?.estimated) issues[i] = mark(issue);
  });
  notes.forEach((note, i) => {
    if (note.severity === 'error' && inItem(note.path) && !note.data?.estimated) notes[i] = mark(note);
  });
}

/** The completeness notes' codes for a property without one of their own in `data.property`. */
const NOTE_PROPERTY: Record<string, string> = { 'missing-location': 'location' };

function completenessKey(note: Note): string | undefined {
  const property = note.data?.property ?? NOTE_PROPERTY[note.code];
  return typeof property === 'string' ? `${String(note.path[0])}/${String(note.path[1])}/${property}` : undefined;
}

/**
 * Item properties whose invalid value is counted as if missing: their error says what was
 * assumed, so the "has no …" completeness note (which would say the value is absent) is not added.
 */
function estimatedProperties(issues: readonly SchemaIssue[]): Set<string | undefined> {
  const keys = new Set<string | undefined>();
  for (const issue of issues) {
    if (!issue.data?.estimated || issue.path.length < 3) continue;
    // A misspelt key is estimated as the key it meant.
    const property = issue.code === 'unknown-key' && issue.path.length === 3 && typeof issue.data.suggestion === 'string' ? issue.data.suggestion : issue.path[2];
    keys.add(`${String(issue.path[0])}/${String(issue.path[1])}/${String(property)}`);
  }
  return keys;
}

/** The id and site the text gives each item left out of `computed` (undefined for the others). */
function namesOfLeftOut(computed: readonly unknown[], written: readonly unknown[] = []): ({ id?: string; site?: string } | undefined)[] {
  const names: ({ id?: string; site?: string } | undefined)[] = [];
  computed.forEach((item, index) => {
    if (item !== undefined) return;
    const text = written[index];
    const { id, site } = text !== null && typeof text === 'object' ? (text as { id?: unknown; site?: unknown }) : {};
    names[index] = { ...(typeof id === 'string' ? { id } : {}), ...(typeof site === 'string' ? { site } : {}) };
  });
  return names;
}

/** Sites with the leaks of an unknown gas taken out (each listed as left out); the others unchanged. */
function withoutLeaks(sites: (Site | undefined)[], leaks: ReadonlyMap<number, ReadonlySet<number>>, leftOut: LeftOut[]): (Site | undefined)[] {
  if (leaks.size === 0) return sites;
  return sites.map((site, index) => {
    const unknown = leaks.get(index);
    if (!site || !unknown) return site;
    for (const i of unknown) leftOut.push({ kind: 'part', path: ['sites', index, 'refrigerants', i], what: 'refrigerant leak', siteId: site.id, reason: `the refrigerant "${site.refrigerants?.[i]?.gas ?? ''}" is unknown` });
    return { ...site, refrigerants: (site.refrigerants ?? []).filter((_, i) => !unknown.has(i)) };
  });
}

/** Assets with contradictory values set aside (counted as if missing); the others unchanged. */
function withoutKeys(assets: (Asset | undefined)[], setAside: ReadonlyMap<number, ReadonlySet<string>>): (Asset | undefined)[] {
  if (setAside.size === 0) return assets;
  return assets.map((asset, index) => {
    const keys = setAside.get(index);
    return asset && keys ? (Object.fromEntries(Object.entries(asset).filter(([key]) => !keys.has(key))) as unknown as Asset) : asset;
  });
}

function periodIsValid(period: unknown, notes: Note[]): boolean {
  if (period && typeof period === 'object') {
    const range = period as PeriodRange;
    if (parseIsoDate(range.end) <= parseIsoDate(range.start)) {
      notes.push({ code: 'invalid-period', severity: 'error', message: `The period ends (${range.end}) before it starts (${range.start}).`, path: ['period', 'end'], data: { start: range.start, end: range.end } });
      return false;
    }
  }
  return true;
}
