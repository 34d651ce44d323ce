import { ErrorObject } from 'ajv';
import { PathSegment } from './parse';
import { resolveRef, SchemaNode } from './schema';
import { closest } from './suggest';
import { SHARE_KEYS, withCorrection } from './corrections';

/**
 * One schema mistake in plain words. `on` says where to put it: on the key of the value,
 * on the value itself, or on the head (first line) of the object that lacks something.
 */
export interface SchemaIssue {
  code: string;
  message: string;
  path: PathSegment[];
  on: 'key' | 'value' | 'object';
  data?: Record<string, unknown>;
  /** Replacement text for the key or value, for a quick fix. */
  replacement?: { target: 'key' | 'value'; text: string; title: string };
}

const KIND_NAMES: Record<string, string> = {
  sites: 'site', assets: 'asset', budgets: 'budget', scenarios: 'scenario', factors: 'factor override',
  components: 'components', cpu: 'cpu', gpu: 'gpu', psu: 'psu', hdd: 'hdd', ram: 'ram module', ssd: 'ssd',
  power: 'power', transport: 'transport', generators: 'generators', refrigerants: 'refrigerant', set: 'set',
  period: 'period', motherboard: 'motherboard',
};

function parsePointer(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer.split('/').slice(1).map((part) => {
    const unescaped = part.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(unescaped) ? Number(unescaped) : unescaped;
  });
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number', number: 'a number', string: 'text', object: 'a mapping of keys to values',
  array: 'a list', boolean: 'true or false',
};

/** Name of the thing at a path, for messages: "`count`", "this asset", "the manifest". */
function subject(path: PathSegment[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the manifest';
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return `this ${KIND_NAMES[String(parent)] ?? 'item'}`;
  }
  return `\`${last}\``;
}

function firstSentence(text: string | undefined): string {
  if (!text) return '';
  const match = /^(.*?[.!?])(\s|$)/.exec(text);
  return (match ? match[1] : text).replace(/\.$/, '');
}

function valueAt(root: unknown, path: PathSegment[]): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment as string];
  }
  return current;
}

function patternIssue(path: PathSegment[], value: unknown): SchemaIssue {
  const key = String(path[path.length - 1]);
  const parent = path[path.length - 2];
  if (key === 'location') {
    return {
      code: 'invalid-location', path, on: 'value', data: { value },
      message: `\`location\` must be an ISO 3166 country code such as FR or FRA, or a US eGRID subregion such as US-CAMX; got "${String(value)}".`,
    };
  }
  if (key === 'baseline') {
    return {
      code: 'schema', path, on: 'value', data: { value },
      message: `\`baseline\` must be the path of a saved JSON report inside this manifest's folder, such as reports/2024.json (no \`..\`, no absolute path or URL); got "${String(value)}".`,
    };
  }
  if (key === 'period' || key === 'quarter') {
    const text = String(value);
    const quarter = /^[0-9]{4}-Q[0-9]+$/.test(text);
    const monthAllowed = path[0] === 'measurements';
    if (!quarter && path.length === 1) {
      // The top-level period: a string that is no quarter was most likely meant as another form.
      return {
        code: 'wrong-type', path, on: 'value', data: { value },
        message: `\`period\` must be a year such as 2026, a quarter such as 2026-Q1, or start and end dates ({ start: 2026-01-01, end: 2026-07-01 }); got the text "${text}".`,
      };
    }
    return {
      code: 'invalid-period', path, on: 'value', data: { value },
      message: quarter
        ? `"${text}" is not a quarter: a year has four, 2026-Q1 to 2026-Q4.`
        : `\`${key}\` must be a quarter such as 2026-Q1${monthAllowed ? ' or a month such as 2026-03' : ''}; got "${text}".`,
    };
  }
  if (key === 'limit' || key === 'base') {
    const what = key === 'base' ? 'Target base' : 'Budget limit';
    const text = String(value);
    const unitFix = limitUnitFix(text);
    const unitOk = /(^|[\s\d.])(kg|t|kt|Mt)CO2e\s*$/.test(text);
    const negative = /^\s*-/.test(text);
    const ambiguous = limitUnitAmbiguity(text);
    return {
      code: 'invalid-limit', path, on: 'value', data: { value, allowedUnits: ['kgCO2e', 'tCO2e', 'ktCO2e', 'MtCO2e'] },
      message: unitFix
        ? unitOk
          ? `${what} "${text}" must be a plain number (digits and one decimal point) before its unit; did you mean "${unitFix}"?`
          : `${what} "${text}" has no valid unit; did you mean "${unitFix}"? Units are kgCO2e, tCO2e, ktCO2e or MtCO2e.`
        : ambiguous
          ? `${what} "${text}" is ambiguous: ${ambiguous} Write tCO2e (tonnes) or MtCO2e (megatonnes).`
          : negative
            ? `${what} "${text}" is negative: a limit is a positive number followed by a unit (for example "900 tCO2e").`
            : `${what} "${text}" must be a number followed by a unit: kgCO2e, tCO2e, ktCO2e or MtCO2e (for example "900 tCO2e").`,
      replacement: unitFix ? { target: 'value', text: unitFix, title: `Change to "${unitFix}"` } : undefined,
    };
  }
  // Every other pattern in the schema is an id.
  return {
    code: 'invalid-id', path, on: 'value', data: { value },
    message: `${key === 'id' || typeof key === 'number' || parent === 'assets' ? 'Id' : `\`${key}\``} "${String(value)}" is not a valid id: use letters, digits, '.', '_' or '-' (starting with a letter or digit, at most 64 characters).`,
  };
}

const LIMIT_NUMBER = /^\s*([0-9]{1,3}(?:[ ,_][0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]{1,3})?|[0-9]*\.[0-9]+)\s*(.*?)\s*$/;
// A unit is a mass prefix and an optional CO2 / CO2e / CO2eq / CO2-eq suffix (₂ and a zero for O
// accepted); the prefix alone decides the magnitude, so no guess ever changes it.
const LIMIT_UNIT = /^(kg|g|t|tonnes?|tons?|kt|mt|gt)(?:c[o0]2?(?:e|eq|-eq)?)?$/i;

/** Unit prefix → canonical unit and the factor the number is multiplied by. */
function canonicalUnit(prefix: string): { unit: string; factor: number } | undefined {
  const p = prefix.toLowerCase();
  if (p === 'kg') return { unit: 'kgCO2e', factor: 1 };
  if (p === 'g') return { unit: 'kgCO2e', factor: 1e-3 }; // grams
  if (p === 't' || p.startsWith('ton')) return { unit: 'tCO2e', factor: 1 };
  if (p === 'kt') return { unit: 'ktCO2e', factor: 1 };
  if (p === 'gt') return { unit: 'MtCO2e', factor: 1e3 }; // gigatonnes
  // "Mt" is megatonnes, but "MT", "mt" and "mT" are also written for metric tonnes: no guess.
  if (prefix === 'Mt') return { unit: 'MtCO2e', factor: 1 };
  return undefined;
}

function splitLimit(text: string): { number: string; prefix: string } | undefined {
  const match = LIMIT_NUMBER.exec(text);
  if (!match) return undefined;
  const unitText = match[2].replace(/₂/g, '2').replace(/\s+/g, '');
  const unit = LIMIT_UNIT.exec(unitText);
  return unit ? { number: match[1], prefix: unit[1] } : undefined;
}

/** Why a limit's unit cannot be guessed safely, if that is the problem. */
export function limitUnitAmbiguity(text: string): string | undefined {
  const parts = splitLimit(text);
  if (parts && parts.prefix.toLowerCase() === 'mt' && parts.prefix !== 'Mt') {
    return `"${parts.prefix}" is written both for megatonnes (MtCO2e, a million tonnes) and for metric tonnes (tCO2e).`;
  }
  return undefined;
}

/**
 * Correction of a budget limit with a misspelt unit or number ("900 tCO2" → "900 tCO2e",
 * "1,000 tCO2e" → "1000 tCO2e", "900 gCO2e" → "0.9 kgCO2e"), or undefined when it cannot be
 * guessed without risking the magnitude.
 */
export function limitUnitFix(text: string): string | undefined {
  const parts = splitLimit(text);
  if (!parts) return undefined;
  const unit = canonicalUnit(parts.prefix);
  if (!unit) return undefined;
  let number = parts.number.replace(/[ ,_]/g, '');
  if (number.startsWith('.')) number = `0${number}`;
  if (/[eE]/.test(number) || unit.factor !== 1) {
    // "9e3 tCO2e" → "9000 tCO2e": the limit pattern takes plain decimals only.
    const parsed = Number(number) * unit.factor;
    if (!Number.isFinite(parsed) || parsed >= 1e21) return undefined;
    number = plainDecimal(parsed);
  }
  const fixed = `${number} ${unit.unit}`;
  return fixed === text.trim() ? undefined : fixed;
}

/** A finite number without exponent notation (9e3 → "9000", 1.5e-3 → "0.0015"). */
function plainDecimal(value: number): string {
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

function rangeIssue(error: ErrorObject, path: PathSegment[], value: unknown): SchemaIssue {
  const key = String(path[path.length - 1]);
  const limit = error.params.limit as number;
  const comparison = error.params.comparison as string;
  const words: Record<string, string> = { '<=': 'at most', '>=': 'at least', '<': 'less than', '>': 'greater than' };
  let hint = '';
  if (SHARE_KEYS.has(key) && typeof value === 'number' && value > 1 && value <= 100) {
    hint = ` It is a share between 0 and 1: write ${value / 100} for ${value}%.`;
  } else if (key === 'pue' && typeof value === 'number' && value < 1) {
    hint = ' PUE is facility energy divided by IT energy, so it is never below 1.';
  } else if (key === 'pue') {
    hint = ' Typical values are 1.1 (hyperscale) to 1.6 (enterprise rooms).';
  } else if (typeof value === 'number' && value < 0) {
    hint = ' Negative values are not meaningful here.';
  }
  const replacement = SHARE_KEYS.has(key) && typeof value === 'number' && value > 1 && value <= 100
    ? { target: 'value' as const, text: String(value / 100), title: `Change to ${value / 100}` }
    : undefined;
  return {
    code: 'out-of-range', path, on: 'value', data: { value, limit, comparison },
    message: `${capitalize(subject(path))} must be ${words[comparison] ?? comparison} ${limit}; got ${String(value)}.${hint}`,
    replacement,
  };
}

/** Rewrites ajv errors for a value into one plain sentence per mistake. */
export function schemaIssues(errors: ErrorObject[], root: unknown, basePath: PathSegment[] = []): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const list = byPath.get(error.instancePath) ?? [];
    list.push(error);
    byPath.set(error.instancePath, list);
  }
  const hasDeeper = (pointer: string) => errors.some((e) => e.instancePath.startsWith(`${pointer}/`) && e.keyword !== 'type');
  const seen = new Set<string>();

  for (const error of errors) {
    const relative = parsePointer(error.instancePath);
    const path = [...basePath, ...relative];
    const value = valueAt(root, relative);
    const siblings = byPath.get(error.instancePath) ?? [];
    const schema = error.parentSchema as SchemaNode | undefined;
    let issue: SchemaIssue | undefined;

    if (typeof value === 'number' && !Number.isFinite(value)) {
      // ajv rejects .nan, .inf and 1e400 with whatever keyword it meets first (type, enum, anyOf):
      // say what is really wrong, once.
      issues.push(...dedupe(seen, [nonFiniteIssue(path, value)]));
      continue;
    }

    switch (error.keyword) {
      case 'anyOf': {
        // Only `period` uses anyOf: report the branch's own errors when the value picked one.
        if (hasDeeper(error.instancePath) || siblings.some((e) => !['type', 'anyOf'].includes(e.keyword))) break;
        // A mapping chose the {start, end} form: its own errors (a date of the wrong type) say what is wrong.
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) break;
        issue = {
          code: 'wrong-type', path, on: 'value', data: { value },
          message: `${capitalize(subject(path))} must be a year such as 2026, a quarter such as 2026-Q1, or start and end dates ({ start: 2026-01-01, end: 2026-07-01 }); got ${describe(value)}.`,
        };
        break;
      }
      case 'type': {
        if (siblings.some((e) => e.keyword === 'anyOf')) break;
        if (path[path.length - 1] === 'limit' && path[0] === 'budgets' && typeof value === 'number') {
          // Only a number the limit pattern accepts is offered as a fix ("-1 tCO2e" or "1e+21 tCO2e" would be invalid too).
          const fixable = /^[0-9]+(\.[0-9]+)?$/.test(String(value));
          issue = {
            code: 'invalid-limit', path, on: 'value', data: { value, allowedUnits: ['kgCO2e', 'tCO2e', 'ktCO2e', 'MtCO2e'] },
            message: fixable
              ? `Budget limit ${value} has no unit: write it as text with a unit, such as "${value} tCO2e" (units: kgCO2e, tCO2e, ktCO2e or MtCO2e).`
              : `Budget limit ${value} has no unit and is not a plain positive number: write a positive number with a unit, such as "900 tCO2e" (units: kgCO2e, tCO2e, ktCO2e or MtCO2e).`,
            replacement: fixable ? { target: 'value', text: `${value} tCO2e`, title: `Change to "${value} tCO2e"` } : undefined,
          };
          break;
        }
        const expected = schema?.format === 'date'
          ? 'a date written YYYY-MM-DD (for example 2025-01-15)'
          : String(error.params.type).split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ');
        const quotedNumber = /integer|number/.test(String(error.params.type)) && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
        issue = {
          code: 'wrong-type', path, on: 'value', data: { value, expected: error.params.type },
          message: `${capitalize(subject(path))} must be ${expected}; got ${describe(value)}.${quotedNumber ? ' Write it without quotes.' : ''}`,
        };
        break;
      }
      case 'required': {
        if (error.schemaPath.includes('/then/')) break;
        const missing = String(error.params.missingProperty);
        const description = firstSentence(resolveRef(schema?.properties?.[missing])?.description);
        issue = {
          code: 'missing-required', path, on: 'object', data: { property: missing },
          message: `${capitalize(subject(path))} is missing \`${missing}\`${description ? ` (${lowerFirst(description)})` : ''}.`,
        };
        break;
      }
      case 'if': {
        // asset: if no `model` then `components` is required.
        issue = {
          code: 'missing-model', path, on: 'object',
          message: 'This asset needs either `model` (a catalog id such as nvidia-hgx-h100-8gpu) or `components`.',
        };
        break;
      }
      case 'not': {
        // `not: {required: [a, b]}` fails on anything that is not a mapping; the type error says it.
        if (value === null || typeof value !== 'object' || Array.isArray(value)) break;
        const mutuallyExclusive: Record<string, [string, string]> = {
          asset: ['model', 'components'], cpu: ['dieSizeMm2', 'dieSizePerCoreMm2'], gpu: ['model', 'dieSizeMm2'], power: ['averageW', 'idleW/maxW'],
        };
        const last = String(relative[relative.length - 1] ?? '');
        const kind = typeof relative[relative.length - 1] === 'number' || relative.length === 0 ? 'asset' : last;
        const [a, b] = error.schemaPath.includes('/dependentSchemas/utilizationHours/')
          ? ['utilization', 'utilizationHours']
          : mutuallyExclusive[kind] ?? ['one', 'the other'];
        issue = {
          code: 'conflicting-keys', path, on: 'object', data: { keys: [a, b] },
          message: `Give either \`${a}\` or \`${b}\` in ${subject(path)}, not both.`,
        };
        break;
      }
      case 'dependentRequired': {
        const missing = String(error.params.missingProperty);
        const last = String(relative[relative.length - 1] ?? '');
        issue = {
          code: 'missing-required', path, on: 'object', data: { property: missing },
          message: last === 'transport'
            ? `\`transport\` needs \`${missing}\` as well: give \`mode\` and \`distanceKm\` for the leg, or \`weightKg\` alone for the default route.`
            : `\`power\` needs \`${missing}\` as well: give \`idleW\` and \`maxW\`, or \`averageW\` alone.`,
        };
        break;
      }
      case 'minProperties': {
        const last = String(relative[relative.length - 1] ?? '');
        issue = {
          code: 'missing-required', path, on: 'object',
          message: last === 'power'
            ? '`power` needs `averageW`, or `idleW` and `maxW`.'
            : `${capitalize(subject(path))} needs at least one entry.`,
        };
        break;
      }
      case 'additionalProperties': {
        const extra = String(error.params.additionalProperty);
        const allowed = Object.keys(schema?.properties ?? {});
        const suggestion = closest(extra, allowed);
        issue = {
          code: 'unknown-key', path: [...path, extra], on: 'key', data: { key: extra, allowedKeys: allowed, suggestion },
          message: `Unknown ${extra === '' ? 'empty key' : `key \`${extra}\``} in ${subject(path)}${suggestion ? `; did you mean \`${suggestion}\`?` : `. Allowed keys: ${allowed.join(', ')}.`}`,
          replacement: suggestion ? { target: 'key', text: suggestion, title: `Rename to \`${suggestion}\`` } : undefined,
        };
        break;
      }
      case 'enum':
      case 'const': {
        const allowed = error.keyword === 'const' ? [error.params.allowedValue] : (error.params.allowedValues as unknown[]);
        const suggestion = typeof value === 'string' ? closest(value, allowed.map(String)) : undefined;
        const list = allowed.map((v) => String(v)).join(', ');
        issue = {
          code: 'invalid-value', path, on: 'value', data: { value, allowedValues: allowed, suggestion },
          message: allowed.length === 1
            ? `${capitalize(subject(path))} must be ${list}; got ${describe(value)}.`
            : `${capitalize(subject(path))} must be one of ${list}; got ${describe(value)}${suggestion ? `. Did you mean \`${suggestion}\`?` : '.'}`,
          replacement: suggestion ? { target: 'value', text: suggestion, title: `Change to \`${suggestion}\`` } : undefined,
        };
        break;
      }
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        issue = rangeIssue(error, path, value);
        break;
      case 'pattern':
        issue = patternIssue(path, value);
        break;
      case 'format':
        issue = {
          code: 'invalid-date', path, on: 'value', data: { value },
          message: `${capitalize(subject(path))} must be a real date written YYYY-MM-DD (for example 2025-01-15); got ${describe(value)}.`,
        };
        break;
      case 'maxItems':
      case 'maxLength':
      case 'minLength':
        issue = {
          code: 'out-of-range', path, on: 'value', data: { limit: error.params.limit },
          message: `${capitalize(subject(path))} is ${error.keyword === 'minLength' ? 'too short' : 'too long'} (${error.keyword === 'minLength' ? 'at least' : 'at most'} ${String(error.params.limit)} ${error.keyword === 'maxItems' ? 'entries' : 'characters'}).`,
        };
        break;
      default:
        issue = { code: 'schema', path, on: 'value', message: `${capitalize(subject(path))} ${error.message ?? 'is invalid'}.` };
    }
    if (!issue) continue;
    issues.push(...dedupe(seen, [withCorrection(issue)]));
  }
  // A misspelt required key ("periode", "sit") is one mistake: the unknown key's "did you mean"
  // says it, so the "missing" error for the key it should have been is dropped.
  const misspelt = new Set(issues
    .filter((i) => i.code === 'unknown-key' && typeof i.data?.suggestion === 'string')
    .map((i) => `${i.path.slice(0, -1).join('/')}|${String(i.data?.suggestion)}`));
  return misspelt.size === 0
    ? issues
    : issues.filter((i) => !(i.code === 'missing-required' && misspelt.has(`${i.path.join('/')}|${String(i.data?.property)}`)));
}

function dedupe(seen: Set<string>, candidates: SchemaIssue[]): SchemaIssue[] {
  return candidates.filter((issue) => {
    const key = issue.code === 'not-finite' ? `not-finite|${issue.path.join('/')}` : `${issue.code}|${issue.path.join('/')}|${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A number YAML reads as NaN or ±Infinity (.nan, .inf, 1e400). */
export function nonFiniteIssue(path: PathSegment[], value: number): SchemaIssue {
  const what = Number.isNaN(value) ? '.nan (not a number)' : value > 0 ? 'a number too large to represent (.inf or beyond 1.8e308)' : 'a negative infinity';
  return {
    code: 'not-finite', path, on: 'value', data: { value: String(value) },
    message: `${capitalize(subject(path))} must be a finite number; got ${what}, which cannot be computed with.`,
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
