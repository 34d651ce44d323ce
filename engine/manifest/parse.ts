import { Document, isMap, isPair, isScalar, isSeq, Node, parseAllDocuments, Scalar } from 'yaml';
import { Finding } from './finding';

/** Limits that keep hostile input (alias bombs, huge files) bounded in time and memory. */
export const PARSE_LIMITS = {
  /** Larger files are refused with one diagnostic instead of being parsed. */
  maxTextLength: 32 * 1024 * 1024,
  /** Alias expansions allowed when converting to plain values ("billion laughs" guard). */
  maxAliasCount: 1000,
};

export type PathSegment = string | number;

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

const YAML_CODE_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'The second value would silently replace the first; remove or rename one of them.',
  TAB_AS_INDENT: 'YAML indentation must use spaces, not tabs.',
  BAD_INDENT: 'Check the indentation of this line against its parent.',
};

export function parseManifest(text: string): ParsedManifest {
  if (text.length > PARSE_LIMITS.maxTextLength) {
    return {
      text,
      doc: undefined,
      value: undefined,
      findings: [{
        code: 'file-too-large',
        severity: 'error',
        message: `This file is ${(text.length / 1048576).toFixed(1)} MB; Carbon Lens analyses manifests up to ${PARSE_LIMITS.maxTextLength / 1048576} MB. Split it into several manifests.`,
        start: 0,
        end: 0,
        data: { length: text.length, limit: PARSE_LIMITS.maxTextLength },
      }],
    };
  }
  const findings: Finding[] = [];
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, merge: true, strict: true }) as Document.Parsed[];
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
    for (const error of d.errors) {
      const hint = YAML_CODE_HINTS[error.code];
      findings.push({
        code: 'yaml-syntax',
        severity: 'error',
        message: hint ? `${cleanYamlMessage(error.message)} ${hint}` : cleanYamlMessage(error.message),
        start: error.pos[0],
        end: Math.max(error.pos[1], error.pos[0]),
        data: { yamlCode: error.code },
      });
    }
    for (const warning of d.warnings) {
      findings.push({
        code: warning.code === 'TAG_RESOLVE_FAILED' ? 'yaml-unknown-tag' : 'yaml-warning',
        severity: 'warning',
        message: warning.code === 'TAG_RESOLVE_FAILED'
          ? `${cleanYamlMessage(warning.message)} The value is read as a plain string.`
          : cleanYamlMessage(warning.message),
        start: warning.pos[0],
        end: Math.max(warning.pos[1], warning.pos[0]),
        data: { yamlCode: warning.code },
      });
    }
    if (index > 0 && d.contents !== null) {
      const start = d.range[0];
      findings.push({
        code: 'multiple-documents',
        severity: 'error',
        message: 'Only one manifest per file: this document after `---` is ignored. Move it into its own *.carbon.yaml file.',
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
      findings.push({
        code: 'yaml-alias-limit',
        severity: 'error',
        message: `Aliases expand too much (${error instanceof Error ? error.message : String(error)}); Carbon Lens stops at ${PARSE_LIMITS.maxAliasCount} expansions to stay responsive.`,
        start: 0,
        end: Math.min(text.length, 1),
      });
    }
  } else if (doc) {
    // With syntax errors the tree is still usable for positions and partial values.
    try {
      value = doc.toJS({ maxAliasCount: PARSE_LIMITS.maxAliasCount });
    } catch {
      value = undefined;
    }
  }
  return { text, doc, value, findings };
}

export interface NodeLocation {
  /** Range of the value node. */
  start: number;
  end: number;
  /** Range of the key when the path ends at a map entry. */
  keyStart?: number;
  keyEnd?: number;
}

function nodeRange(node: Node | null | undefined): [number, number] | undefined {
  if (!node || !node.range) return undefined;
  return [node.range[0], node.range[1]];
}

/**
 * Finds the YAML node at a JSON path (as produced by ajv's instancePath), or the deepest
 * existing ancestor: a missing key is reported on its parent.
 */
export function locate(doc: Document | undefined, path: readonly PathSegment[]): NodeLocation | undefined {
  if (!doc) return undefined;
  let node: unknown = doc.contents;
  let keyRange: [number, number] | undefined;
  let located = nodeRange(node as Node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyMatches(p.key, segment));
      if (!pair) break;
      keyRange = nodeRange(pair.key as Node);
      node = pair.value;
      located = nodeRange(node as Node) ?? (keyRange ? [keyRange[1], keyRange[1]] : located);
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      node = item;
      keyRange = undefined;
      located = nodeRange(item as Node) ?? located;
    } else {
      break;
    }
  }
  if (!located) return undefined;
  return keyRange
    ? { start: located[0], end: located[1], keyStart: keyRange[0], keyEnd: keyRange[1] }
    : { start: located[0], end: located[1] };
}

function keyMatches(key: unknown, segment: PathSegment): boolean {
  if (isScalar(key)) return String((key as Scalar).value) === String(segment);
  return key === segment;
}
