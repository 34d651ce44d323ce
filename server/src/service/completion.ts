import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, Position } from 'vscode-languageserver';
import { Analysis, cpuList, idsOf, locationList, modelViews, overridableFactors, PathSegment, periodQuarters, refrigerantList, schemaKeysAt, schemaValuesAt } from '../../../engine';
import { formatKg, formatNumber } from '../../../contracts/units';

interface LineInfo {
  /** Column where the line's key (or scalar) starts, after any `- ` markers. */
  keyColumn: number;
  /** Column of the last `- ` marker, if the line starts a sequence item. */
  dashColumn?: number;
  key?: string;
  /** Text after `key:` (empty for a block parent). */
  rest?: string;
}

// `s`: a line may contain U+2028/U+2029, which `.` would not match (and exec would return null).
const LINE = /^(\s*)((?:-\s+)*)(.*)$/s;
const KEY = /^([A-Za-z_][\w.-]*)\s*:(?:\s+(.*)|\s*)$/s;

function lineInfo(text: string): LineInfo | undefined {
  if (/^\s*(#.*)?$/.test(text)) return undefined;
  const m = LINE.exec(text)!;
  const indent = m[1].length;
  const dashes = m[2];
  const dashColumn = dashes ? indent + dashes.lastIndexOf('-') : undefined;
  const keyColumn = indent + dashes.length;
  const k = KEY.exec(m[3]);
  return { keyColumn, dashColumn, key: k?.[1], rest: k ? (k[2] ?? '').replace(/\s+#.*$/, '') : undefined };
}

/**
 * The JSON path of the mapping that a key typed at `column` on `line` belongs to, found from
 * indentation alone so that it works on half-typed YAML that does not parse. Sequence items
 * are given index 0: the schema is the same for every item.
 */
export function containerPath(lines: string[], line: number, column: number, itemDash?: number): PathSegment[] {
  let path: PathSegment[] = [];
  let col = column;
  let dash = itemDash;
  for (let l = line - 1; l >= 0; l--) {
    const info = lineInfo(lines[l]);
    if (!info) continue;
    if (dash !== undefined) {
      // Looking for the key that owns the sequence this item belongs to.
      if (info.keyColumn > dash) continue;
      if (info.key && !info.rest) {
        path = [info.key, 0, ...path];
        col = info.keyColumn;
        dash = info.dashColumn;
        continue;
      }
      break;
    }
    if (info.keyColumn > col) continue;
    if (info.keyColumn === col) {
      if (info.dashColumn !== undefined) dash = info.dashColumn;
      continue;
    }
    if (info.key && !info.rest) {
      path = [info.key, ...path];
      col = info.keyColumn;
      dash = info.dashColumn;
      continue;
    }
    break;
  }
  return path;
}

function siblingKeys(lines: string[], line: number, column: number): Set<string> {
  const keys = new Set<string>();
  for (const direction of [-1, 1]) {
    for (let l = line + direction; l >= 0 && l < lines.length; l += direction) {
      const info = lineInfo(lines[l]);
      if (!info) continue;
      if (info.keyColumn < column) {
        if (direction === -1 && info.keyColumn === column - 2 && info.dashColumn !== undefined && info.key) keys.add(info.key);
        break;
      }
      if (info.keyColumn === column && info.dashColumn !== undefined && direction === 1) break;
      if (info.keyColumn === column && info.key) {
        keys.add(info.key);
        if (info.dashColumn !== undefined) break;
      }
    }
  }
  return keys;
}

function keyItems(path: PathSegment[], present: Set<string>): CompletionItem[] {
  return schemaKeysAt(path)
    .filter(({ key }) => !present.has(key))
    .map(({ key, description, required }, i) => ({
      label: key,
      kind: CompletionItemKind.Property,
      detail: required ? 'required' : undefined,
      documentation: description ? { kind: MarkupKind.Markdown, value: description } : undefined,
      insertText: `${key}: `,
      sortText: `${required ? 0 : 1}${String(i).padStart(3, '0')}`,
    }));
}

const UNIT_ITEMS: CompletionItem[] = ['tCO2e', 'kgCO2e', 'ktCO2e', 'MtCO2e'].map((unit, i) => ({
  label: `${unit}`,
  kind: CompletionItemKind.Unit,
  detail: `budget limit unit: ${{ tCO2e: 'tonnes', kgCO2e: 'kilograms', ktCO2e: 'kilotonnes', MtCO2e: 'megatonnes' }[unit]} of CO2e`,
  insertText: `\${1:100} ${unit}`,
  insertTextFormat: InsertTextFormat.Snippet,
  sortText: String(i),
}));

function valueItems(analysis: Analysis, path: PathSegment[], key: string): CompletionItem[] {
  const parent = path[path.length - 1];
  if (key === 'model') {
    return modelViews(parent === 'gpu' ? 'gpu' : undefined).map((m) => ({
      label: m.id,
      kind: CompletionItemKind.Value,
      detail: `${m.name} · ${m.kind} · ${formatKg(m.embodied.kgCO2e)} embodied`,
      documentation: { kind: MarkupKind.Markdown, value: `${m.idleW}–${m.maxW} W · ${m.embodied.method}: ${m.embodied.source}` },
    }));
  }
  if (key === 'location') {
    // Typing a country's name finds its code: the name is part of what the typed text is matched against.
    return locationList().map(({ code, name }) => ({ label: code, kind: CompletionItemKind.Value, detail: name, filterText: `${code} ${name}` }));
  }
  if (key === 'gas') {
    return refrigerantList().map(({ gas, gwp }) => ({ label: gas, kind: CompletionItemKind.Value, detail: `GWP100 ${gwp}` }));
  }
  if (key === 'name' && parent === 'cpu') {
    return cpuList().map((cpu) => ({ label: cpu.id, kind: CompletionItemKind.Value, detail: `${cpu.name} · ${cpu.cores} cores · ${cpu.tdpW} W` }));
  }
  if (key === 'id' && path[0] === 'factors' && path.length === 2) {
    // The factor ids an override may name (what unknown-factor points here for).
    return overridableFactors().map((f) => ({
      label: f.id,
      kind: CompletionItemKind.Value,
      detail: `${formatNumber(f.value, 4)} ${f.unit} · ${f.label}`,
      documentation: { kind: MarkupKind.Markdown, value: `${f.source} (${f.year})` },
    }));
  }
  if (key === 'site') return idsOf(analysis, 'sites').map((id) => ({ label: id, kind: CompletionItemKind.Reference }));
  if (key === 'limit' || (key === 'base' && path[0] === 'targets')) return UNIT_ITEMS;
  if ((key === 'period' && path[0] === 'measurements') || (key === 'quarter' && path[0] === 'budgets')) {
    return periodQuarters(analysis).map((q) => ({ label: q, kind: CompletionItemKind.Value, detail: 'a quarter of the reporting period' }));
  }
  const allowed = schemaValuesAt([...path, key]);
  if (!allowed) return [];
  const kind = allowed.kind === 'enum' ? CompletionItemKind.EnumMember : CompletionItemKind.Value;
  return allowed.values.map((v) => ({ label: v, kind }));
}

const SNIPPETS: Record<string, CompletionItem> = {
  sites: {
    label: 'new site',
    kind: CompletionItemKind.Snippet,
    insertTextFormat: InsertTextFormat.Snippet,
    insertText: 'id: ${1:dc1}\nlocation: ${2:FR}\npue: ${3:1.3}\nrenewableShare: ${4:0}',
    documentation: 'A data centre with its grid location, PUE and renewable share.',
  },
  assets: {
    label: 'new asset',
    kind: CompletionItemKind.Snippet,
    insertTextFormat: InsertTextFormat.Snippet,
    insertText: 'id: ${1:gpu-servers}\nsite: ${2:dc1}\nmodel: ${3:nvidia-hgx-h100-8gpu}\ncount: ${4:1}\nacquired: ${5:2026-01-01}\nlifespanYears: ${6:5}\nutilization: ${7:0.6}\ntransport: { mode: ${8|sea,air,road,rail|}, distanceKm: ${9:10000} }\nendOfLife: ${10|recycle,refurbish,landfill,resell|}',
    documentation: 'A group of identical servers from the catalog, with everything the footprint needs.',
  },
  budgets: {
    label: 'new budget',
    kind: CompletionItemKind.Snippet,
    insertTextFormat: InsertTextFormat.Snippet,
    insertText: 'id: ${1:annual-total}\nlimit: ${2:500} ${3|tCO2e,kgCO2e,ktCO2e|}\nseverity: ${4|error,warning,info|}',
    documentation: 'A carbon budget checked on every edit.',
  },
  targets: {
    label: 'new target',
    kind: CompletionItemKind.Snippet,
    insertTextFormat: InsertTextFormat.Snippet,
    insertText: 'id: ${1:sbti-near-term}\nbaseYear: ${2:2024}\nbase: ${3:1000} ${4|tCO2e,kgCO2e,ktCO2e|}\ntargetYear: ${5:2030}\npathway: ${6|sbti-1.5c,sbti-wb2c|}\nseverity: ${7|error,warning,info|}',
    documentation: 'A science-based target: the emissions allowed in each period on the straight line from the base year to the target year.',
  },
  measurements: {
    label: 'new measurement',
    kind: CompletionItemKind.Snippet,
    insertTextFormat: InsertTextFormat.Snippet,
    insertText: 'site: ${1:dc1}\nperiod: ${2:2026-Q1}\nelectricityKWh: ${3:100000}',
    documentation: 'Metered data of one site for a quarter or a month: it replaces the modelled figures there.',
  },
};

/** Completion of keys, values (catalog, locations, gases, enums, units) and item snippets. */
export function complete(analysis: Analysis, position: Position): CompletionItem[] {
  // Line breaks as LSP counts them (CRLF, LF or a lone CR), so that lines match positions.
  const lines = analysis.text.split(/\r\n|\r|\n/);
  // A position past the end (a stale or hostile request) would make containerPath walk back
  // from line 2^31: nothing to complete there.
  if (!Number.isInteger(position.line) || position.line < 0 || position.line >= lines.length) return [];
  const current = (lines[position.line] ?? '').slice(0, position.character);
  const match = LINE.exec(current)!;
  const startsItem = match[2].length > 0;
  const column = match[1].length + match[2].length;
  const itemDash = startsItem ? match[1].length + match[2].lastIndexOf('-') : undefined;
  const typed = match[3];
  const valueMatch = /^([A-Za-z_][\w.-]*)\s*:\s*(.*)$/s.exec(typed);
  if (valueMatch) {
    const path = containerPath(lines, position.line, column, itemDash);
    if (/^[[{]/.test(valueMatch[2])) return [];
    return valueItems(analysis, path, valueMatch[1]);
  }
  if (!/^[A-Za-z_]*[\w.-]*$/.test(typed)) return [];
  const path = containerPath(lines, position.line, column, itemDash);
  const items = keyItems(path, siblingKeys(lines, position.line, column));
  const section = path.length === 2 && typeof path[1] === 'number' ? String(path[0]) : undefined;
  // Own keys only: the section name comes from the text (`__proto__:` must not find Object.prototype).
  if (section && Object.hasOwn(SNIPPETS, section) && startsItem && typed === '') items.unshift(SNIPPETS[section]);
  if (path.length === 1 && Object.hasOwn(SNIPPETS, String(path[0]))) {
    // On an empty line inside a section: offer a whole new item.
    items.unshift({ ...SNIPPETS[String(path[0])], insertText: `- ${String(SNIPPETS[String(path[0])].insertText).replace(/\n/g, '\n  ')}` });
  }
  return items;
}
