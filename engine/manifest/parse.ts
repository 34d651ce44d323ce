import { Alias, Document, isScalar, parseAllDocuments, visit, YAMLError } from 'yaml';
import { Finding } from './finding';
import { locateIn, NodeLocation, PathSegment, YAML_TREE } from './tree';
import { syntaxWords } from './yamlWords';

export type { NodeLocation, PathSegment } from './tree';

/** Limits that keep hostile input (alias bombs, huge files) bounded in time and memory. */
export const PARSE_LIMITS = {
  /**
   * Larger files are refused with one diagnostic instead of being parsed. The YAML parser needs
   * about a second per megabyte of manifest (a 10,000-asset fleet is about 3 MB), so much bigger
   * files would freeze the editor for tens of seconds.
   */
  maxTextLength: 4 * 1024 * 1024,
  /**
   * Lines plus flow separators (`,` `[` `{`) allowed: the parser's time and memory grow with the
   * number of nodes (a 10 MB `[1,1,1,…]` needs gigabytes), not only with the length in bytes.
   */
  maxStructure: 250_000,
  /**
   * Nesting levels allowed (open flow brackets, or `- ` indicators at the start of one line). A
   * manifest needs about five; the parser slows down steeply with depth (seconds at a few
   * thousand) before it overflows the stack.
   */
  maxNesting: 256,
  /** Alias expansions allowed when converting to plain values ("billion laughs" guard). */
  maxAliasCount: 1000,
};

export interface ParsedManifest {
  text: string;
  /** The first YAML document, if the text could be parsed at all. */
  doc: Document.Parsed | undefined;
  /** Plain JavaScript value of the first document (undefined when it could not be built). */
  value: unknown;
  findings: Finding[];
}

function cleanYamlMessage(message: string): string {
  // yaml appends " at line L, column C:\n\n<excerpt>"; our diagnostics carry the position.
  const cut = message.indexOf(' at line ');
  const text = cut > 0 ? message.slice(0, cut) : message.split('\n')[0];
  return text.endsWith('.') ? text : `${text}.`;
}

/** Errors that make the parser misread the lines after them: what it says about those is a cascade. */
const CASCADE_AFTER = new Set(['tab', 'unclosed-bracket', 'bad-indentation', 'missing-space-after-dash']);
/** Parser errors that only restate another on the same lines. */
const RESTATING = new Set(['MULTILINE_IMPLICIT_KEY']);

/**
 * One finding per syntax mistake, in our words at the line to fix (yamlWords.ts). A tab, an
 * unclosed bracket or a misindented line makes the parser misread the lines after it: those
 * are reported, not the cascade. Two errors on one line are one mistake seen twice.
 */
function syntaxFindings(text: string, errors: readonly YAMLError[]): Finding[] {
  const words = errors.map((error) => ({ error, words: syntaxWords(text, error.code, error.message, error.pos) }));
  const tabs = words.some((w) => w.words.kind === 'tab');
  const findings: Finding[] = [];
  const lines = new Map<number, number>();
  let cascadeFrom = Infinity;
  for (const { error, words: w } of words) {
    if (tabs && w.kind !== 'tab') continue;
    if (RESTATING.has(error.code) && words.length > 1) continue;
    if (w.start > cascadeFrom && (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'BAD_INDENT')) continue;
    if (CASCADE_AFTER.has(w.kind)) cascadeFrom = Math.min(cascadeFrom, w.start);
    const lineStart = text.lastIndexOf('\n', w.start - 1) + 1;
    const finding: Finding = {
      code: 'yaml-syntax',
      severity: 'error',
      message: w.message,
      start: w.start,
      end: Math.max(w.end, w.start),
      data: { yamlCode: error.code, mistake: w.kind, ...w.data },
      ...(w.suggestion ? { suggestions: [w.suggestion] } : {}),
    };
    const same = lines.get(lineStart);
    if (same !== undefined) {
      // A value with `: ` in it is also read as a second key: say the cause, once.
      if (w.kind === 'colon-in-value') findings[same] = finding;
      continue;
    }
    lines.set(lineStart, findings.length);
    findings.push(finding);
  }
  return findings;
}

/*
 * The guards below run over the whole text before any parse. They search with regular
 * expressions, which scan natively, several times faster than a loop over the characters
 * in JavaScript (a 30 MB fleet: tens of milliseconds instead of over a hundred).
 */

/** Lines and flow separators in `text`, counting no further than `limit + 1`. */
export function structureCount(text: string, limit = PARSE_LIMITS.maxStructure): number {
  const separators = /[\n,[{]/g;
  let count = 0;
  while (count <= limit && separators.test(text)) count++;
  return count;
}

/** Offset where the nesting first goes deeper than `limit`, or -1. Quotes are not skipped (an overestimate). */
export function nestingExceeded(text: string, limit = PARSE_LIMITS.maxNesting): number {
  const flow = flowNestingExceeded(text, limit);
  // Only a line that starts with two `- ` indicators nests lists deeper than one level.
  const dashes = limit < 1 || /-[ \t] *-[ \t]/.test(text) ? dashNestingExceeded(text, limit) : -1;
  return flow < 0 || (dashes >= 0 && dashes < flow) ? dashes : flow;
}

/** Characters without a bracket after which the search for the next one goes back to the regular expression. */
const BRACKET_GAP = 8;

/** Offset of the first `[` or `{` open more than `limit` deep (closing brackets without an opening one are ignored), or -1. */
function flowNestingExceeded(text: string, limit: number): number {
  const bracket = /[[\]{}]/g;
  let depth = 0;
  while (bracket.test(text)) {
    // Brackets come in clusters (`[{`, `}]`, or hostile `[[[[` and `[1,[1,`), which a loop over
    // the characters takes quicker than a search per bracket.
    let i = bracket.lastIndex - 1;
    for (let gap = 0; gap < BRACKET_GAP && i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 91 /* [ */ || c === 123 /* { */) {
        if (++depth > limit) return i;
        gap = 0;
      } else if (c === 93 /* ] */ || c === 125 /* } */) {
        if (depth > 0) depth--;
        gap = 0;
      } else {
        gap++;
      }
    }
    bracket.lastIndex = i;
  }
  return -1;
}

/** Offset of the first `- ` (or `-` and a tab) at the start of a line after `limit` others, or -1. */
function dashNestingExceeded(text: string, limit: number): number {
  let lineStart = true;
  let dashes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 13 /* \r */) {
      lineStart = true;
      dashes = 0;
    } else if (lineStart) {
      const next = text.charCodeAt(i + 1);
      if (c === 45 /* - */ && (next === 32 || next === 9)) {
        if (++dashes > limit) return i;
        i++;
      } else if (c !== 32) {
        lineStart = false;
      }
    }
  }
  return -1;
}

function tooLarge(text: string, message: string, data: Record<string, unknown>): ParsedManifest {
  const newline = text.indexOf('\n');
  return {
    text,
    doc: undefined,
    value: undefined,
    findings: [{ code: 'file-too-large', severity: 'error', message, start: 0, end: newline >= 0 ? newline : Math.min(text.length, 1), data }],
  };
}

export function parseManifest(text: string): ParsedManifest {
  if (text.length > PARSE_LIMITS.maxTextLength) {
    return tooLarge(
      text,
      `This file is ${(text.length / 1048576).toFixed(1)} MB; Carbon Lens analyses manifests up to ${PARSE_LIMITS.maxTextLength / 1048576} MB. Split it into several manifests.`,
      { length: text.length, limit: PARSE_LIMITS.maxTextLength },
    );
  }
  const deep = nestingExceeded(text);
  if (deep >= 0) {
    return {
      text,
      doc: undefined,
      value: undefined,
      findings: [{
        code: 'yaml-nesting',
        severity: 'error',
        message: `Lists and mappings are nested more than ${PARSE_LIMITS.maxNesting} levels deep here; a manifest needs about five. Carbon Lens stops reading to stay responsive.`,
        start: deep,
        end: Math.min(text.length, deep + 1),
        data: { limit: PARSE_LIMITS.maxNesting },
      }],
    };
  }
  if (structureCount(text) > PARSE_LIMITS.maxStructure) {
    return tooLarge(
      text,
      `This file has more than ${PARSE_LIMITS.maxStructure.toLocaleString('en-US')} lines and list or map entries; Carbon Lens analyses manifests up to that size to stay responsive. Split it into several manifests.`,
      { length: text.length, limit: PARSE_LIMITS.maxStructure },
    );
  }
  const findings: Finding[] = [];
  let docs: Document.Parsed[];
  try {
    // YAML 1.2 counts a lone CR (old Mac line endings) as a line break, as LineIndex does, but
    // the parser does not: give it LF instead (same length, so every offset stays valid).
    const source = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
    docs = parseAllDocuments(source, { uniqueKeys: true, prettyErrors: false, merge: true, strict: true, logLevel: 'error' }) as Document.Parsed[];
  } catch (error) {
    // The yaml parser recurses per nesting level; absurd nesting exhausts the stack.
    return {
      text,
      doc: undefined,
      value: undefined,
      findings: [{
        code: 'yaml-syntax',
        severity: 'error',
        message: `The YAML could not be parsed (${error instanceof RangeError ? 'nesting is too deep' : String(error)}).`,
        start: 0,
        end: Math.min(text.length, 1),
      }],
    };
  }
  if (!Array.isArray(docs)) docs = [];
  const doc = docs[0];
  for (const [index, d] of docs.entries()) {
    findings.push(...syntaxFindings(text, d.errors));
    for (const warning of d.warnings) {
      findings.push({
        code: warning.code === 'TAG_RESOLVE_FAILED' ? 'yaml-unknown-tag' : 'yaml-warning',
        severity: 'warning',
        message: warning.code === 'TAG_RESOLVE_FAILED'
          ? `${cleanYamlMessage(warning.message)} The value is read as a plain string.`
          : cleanYamlMessage(warning.message),
        start: Math.min(warning.pos[0], text.length),
        end: Math.min(Math.max(warning.pos[1], warning.pos[0]), text.length),
        data: { yamlCode: warning.code },
      });
    }
    if (index > 0 && d.contents !== null) {
      const start = d.range[0];
      findings.push({
        code: 'multiple-documents',
        severity: 'error',
        message: 'Only one manifest per file: this document after `---` is ignored. Move it into its own *.carbon.yaml file.',
        data: { documentIndex: index },
        start,
        end: Math.min(text.length, Math.max(start + 1, text.indexOf('\n', start) >= 0 ? text.indexOf('\n', start) : text.length)),
      });
    }
  }
  let value: unknown;
  if (doc && doc.errors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: PARSE_LIMITS.maxAliasCount });
    } catch (error) {
      findings.push(aliasFinding(doc, text, error));
    }
    if (value !== undefined) {
      // `&a [*a]` is legal YAML and becomes a structure that contains itself: every walk over it
      // (validation, the report) would never end.
      const cycle = recursiveAlias(doc);
      if (cycle || isCyclic(value)) {
        value = undefined;
        findings.push({
          code: 'yaml-alias-cycle',
          severity: 'error',
          message: `The alias ${cycle ? `*${cycle.source} ` : ''}is used inside its own anchor, so the value would contain itself. Copy the values instead.`,
          data: { alias: cycle?.source },
          start: cycle?.start ?? 0,
          end: cycle?.end ?? Math.min(text.length, 1),
        });
      }
    }
  } else if (doc) {
    // With syntax errors the tree is still usable for positions and partial values.
    try {
      value = doc.toJS({ maxAliasCount: PARSE_LIMITS.maxAliasCount });
      if (recursiveAlias(doc) || isCyclic(value)) value = undefined;
    } catch {
      value = undefined;
    }
  }
  return { text, doc, value, findings };
}

/** A finding for an error thrown while turning the document into values (aliases, merge keys). */
function aliasFinding(doc: Document.Parsed, text: string, error: unknown): Finding {
  const message = error instanceof Error ? error.message : String(error);
  const firstAlias = (predicate: (alias: Alias) => boolean) => {
    let found: [number, number] | undefined;
    visit(doc, { Alias(_, node) { if (!found && node.range && predicate(node)) { found = [node.range[0], node.range[1]]; return visit.BREAK; } return undefined; } });
    return found;
  };
  const at = (range: [number, number] | undefined) => (range ? { start: range[0], end: Math.max(range[1], range[0] + 1) } : { start: 0, end: Math.min(text.length, 1) });
  if (/Unresolved alias/i.test(message)) {
    const unresolved = firstAlias((alias) => alias.resolve(doc) === undefined);
    const name = /: (.*)$/.exec(message)?.[1];
    return {
      code: 'yaml-unresolved-alias', severity: 'error', ...at(unresolved),
      message: `The alias *${name ?? ''} refers to no anchor: define &${name ?? 'name'} before it is used.`,
      data: { alias: name },
    };
  }
  if (/Merge sources/i.test(message)) {
    return {
      code: 'yaml-merge', severity: 'error', ...at(mergeKeyRange(doc)),
      message: 'A merge key (<<) must refer to a mapping or a list of mappings, such as `<<: *defaults`.',
      data: { key: '<<' },
    };
  }
  return {
    code: 'yaml-alias-limit', severity: 'error', ...at(firstAlias(() => true)),
    message: `Aliases expand too much (${message}); Carbon Lens stops at ${PARSE_LIMITS.maxAliasCount} expansions to stay responsive.`,
    data: { maxAliasCount: PARSE_LIMITS.maxAliasCount },
  };
}

function mergeKeyRange(doc: Document.Parsed): [number, number] | undefined {
  let found: [number, number] | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (!found && isScalar(pair.key) && (pair.key.value === '<<' || String(pair.key.source ?? '') === '<<') && pair.key.range) {
        found = [pair.key.range[0], pair.key.range[1]];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The first alias used inside the node its anchor names (`&a [*a]`), if any. */
function recursiveAlias(doc: Document.Parsed): { source: string; start: number; end: number } | undefined {
  let found: { source: string; start: number; end: number } | undefined;
  visit(doc, {
    Alias(_, alias) {
      const target = alias.resolve(doc);
      if (!found && target?.range && alias.range && target.range[0] <= alias.range[0] && alias.range[1] <= target.range[1]) {
        found = { source: alias.source, start: alias.range[0], end: alias.range[1] };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** True when a plain value contains itself (iterative: deep values must not overflow the stack). */
export function isCyclic(root: unknown): boolean {
  if (root === null || typeof root !== 'object') return false;
  const onPath = new Set<object>();
  const done = new Set<object>();
  const stack: { node: object; children: unknown[]; next: number }[] = [];
  const enter = (node: object) => {
    onPath.add(node);
    stack.push({ node, children: Array.isArray(node) ? node : Object.values(node), next: 0 });
  };
  enter(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next >= top.children.length) {
      onPath.delete(top.node);
      done.add(top.node);
      stack.pop();
      continue;
    }
    const child = top.children[top.next++];
    if (child === null || typeof child !== 'object' || done.has(child)) continue;
    if (onPath.has(child)) return true;
    enter(child);
  }
  return false;
}

/**
 * Finds the YAML node at a JSON path (as produced by ajv's instancePath), or the deepest
 * existing ancestor: a missing key is reported on its parent.
 */
export function locate(doc: Document | undefined, path: readonly PathSegment[]): NodeLocation | undefined {
  return doc ? locateIn(YAML_TREE, doc.contents, path) : undefined;
}
