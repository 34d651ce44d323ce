/**
 * Random YAML list items for differential tests: realistic manifest items, then the kinds of
 * variations people type (comments, blank lines, quotes, flow and block styles, empty values)
 * and character-level mutations that break them.
 */
import { rng } from '../../../bench/generate';

const KEYS = ['id', 'site', 'model', 'count', 'acquired', 'lifespanYears', 'utilization', 'endOfLife', 'name', 'pue', 'location'];
const SCALARS = [
  'x', 'fra-dc1', 'nvidia-hgx-h100-8gpu', '12', '-3', '+4', '0.75', '.5', '5.', '1e3', '-1.5E-2', '0x1F', '0o17', '0123', '1_000',
  'true', 'False', 'NULL', '~', 'null', '.inf', '-.Inf', '.nan', '2026-01-15', '900 tCO2e', 'AMD EPYC 9654', 'Intel Xeon Platinum 8480+',
  '"quoted"', "'single'", "'it''s'", '"a # b"', 'a#b', 'http://x.y/z', 'a: b', 'a:b', '- x', '-x', '@x', '`x`', '&a x', '*a', '!!str 5', '|', '>',
  '[1, 2]', '[]', '{}', '{ a: 1, b: [x, y] }', '[{ gas: R-134a, leakedKg: 12 }]', '{ mode: sea, distanceKm: 9500 }', '{a: 1}', '[a, ]', '{ a: 1, a: 2 }',
  '"esc\\"aped"', 'Société Générale', 'trailing   ', 'x # comment', '"x" # c', '{ a: "q" }', "[ 'a''b' ]", '[a: 1]', '{ a }', '? x',
];

/** Plain scalars near the edges of the YAML 1.2 core schema's tags (the fast parser resolves some without regexes). */
export const CORE_SCALARS = [
  '0', '00', '01', '007', '-0', '+0', '-00', '0.', '-0.', '.0', '-.0', '+.5', '.5', '5.', '.', '-.', '+.', '+', '+-1', '--1', '-1-',
  '123456789012345', '1234567890123456', '9007199254740993', '12345678901234567890', `1${'0'.repeat(400)}`, '0.000000000000001',
  '0.0000000000000001', '999999999999999.9', '3.14159265358979', '2.718281828459045', '0.1', '0.35', '1.0', '10.50', '-12.25', '+7',
  '1e3', '1E3', '1e+3', '1e-3', '-1.5E-2', '.5e1', '5.e1', '1e', 'e3', '1e999', '-1e999', '1.5.', '1..5', '1.2.3', '0x1F', '0xff', '0x',
  '0X1F', '0o17', '0o8', '0o', '1_000', '1,000', '1 000', '1-2', '2024-01-12', '5 kg', '1#c', '1a', '.inf', '-.inf', '+.inf', '.Inf',
  '.INF', '.iNF', '.nan', '.NaN', '.NAN', '-.nan', '.naN', 'nan', 'inf', 'Infinity', 'NaN', 'null', 'Null', 'NULL', 'nULL', '~', 'true',
  'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'yes', 'no', 'on', 'off', 'y', 'n', 't', 'f', 'N', 'T', 'F', 'nulls', 'truex',
  'x', '_x', '._', '.x', '-x', '+x', 'x-1', 'fra-dc1', 'É', '١٢', '１２',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function blockValue(random: () => number, indent: number, depth: number): string[] {
  const pad = ' '.repeat(indent);
  const r = random();
  if (depth < 2 && r < 0.15) {
    const lines: string[] = [];
    const n = 1 + Math.floor(random() * 3);
    const used = new Set<string>();
    for (let i = 0; i < n; i++) {
      const key = pick(random, KEYS);
      if (used.has(key) && random() < 0.9) continue;
      used.add(key);
      lines.push(...entry(random, key, indent, depth + 1));
    }
    return lines;
  }
  if (depth < 2 && r < 0.25) {
    const lines: string[] = [];
    const n = 1 + Math.floor(random() * 3);
    const seqIndent = random() < 0.2 ? indent - 2 : indent;
    for (let i = 0; i < n; i++) {
      if (random() < 0.5) lines.push(`${' '.repeat(seqIndent)}- ${pick(random, SCALARS)}`);
      else {
        const inner = entry(random, pick(random, KEYS), seqIndent + 2, depth + 1);
        inner[0] = `${' '.repeat(seqIndent)}- ${inner[0].trimStart()}`;
        lines.push(...inner);
      }
    }
    return lines;
  }
  return [`${pad}${pick(random, SCALARS)}`];
}

function entry(random: () => number, key: string, indent: number, depth: number): string[] {
  const pad = ' '.repeat(indent);
  const r = random();
  const lines: string[] = [];
  if (r < 0.05) lines.push(`${pad}# a comment`);
  if (r > 0.97) lines.push('');
  if (random() < 0.25 && depth < 2) {
    lines.push(`${pad}${key}:${random() < 0.2 ? '  # note' : random() < 0.1 ? '   ' : ''}`);
    if (random() < 0.1) lines.push(`${pad}  # inside`);
    lines.push(...blockValue(random, indent + 2, depth));
  } else if (random() < 0.05) {
    lines.push(`${pad}${key}:${random() < 0.5 ? '' : '  '}`);
  } else {
    lines.push(`${pad}${key}: ${pick(random, SCALARS)}`);
  }
  if (random() < 0.03) lines.push(`${pad}  # trailing inside`);
  return lines;
}

/** A list item (with its `- ` line at `indent`) and what may follow it in a segment. */
export function randomItem(random: () => number, indent = 2): string {
  const used = new Set<string>();
  const n = 1 + Math.floor(random() * 6);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    let key = pick(random, KEYS);
    if (used.has(key) && random() < 0.95) key = `${key}${i}`;
    used.add(key);
    lines.push(...entry(random, key, indent + 2, 0));
  }
  const first = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (first < 0) return `${' '.repeat(indent)}- x\n`;
  if (random() < 0.05) {
    lines.splice(first, 0, `${' '.repeat(indent)}-`);
  } else {
    lines[first] = `${' '.repeat(indent)}- ${lines[first].trimStart()}`;
    lines.splice(0, first);
  }
  if (random() < 0.2) lines.push(`${' '.repeat(indent)}# between items`);
  if (random() < 0.1) lines.push('');
  if (random() < 0.05) lines.push('# column zero');
  return `${lines.join('\n')}${random() < 0.95 ? '\n' : ''}`;
}

/** Random character-level edit of a text. */
export function mutate(random: () => number, text: string): string {
  const at = Math.floor(random() * (text.length + 1));
  const r = random();
  const chars = [' ', '\n', '\r', '\r\n', '-', ':', '#', '"', "'", '{', '}', '[', ']', ',', 'a', '1', '.', '\t', '&', '*', '!', '|', '>', '  ', '- ', ': '];
  if (r < 0.4) return text.slice(0, at) + pick(random, chars) + text.slice(at);
  if (r < 0.8) return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
  return text.slice(0, at) + pick(random, chars) + text.slice(at + 1);
}

export { rng };
