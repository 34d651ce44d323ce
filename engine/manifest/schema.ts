import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import schemaJson from '../../schemas/carbon-manifest.schema.json';
import { dayOf, isoDateNumber, monthOf, yearOf } from './dates';
import { SectionName } from './sections';

/** The manifest JSON schema (the single source of truth for the format). */
export const manifestSchema = schemaJson as unknown as SchemaNode;

export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: unknown[];
  const?: unknown;
  anyOf?: SchemaNode[];
  examples?: unknown[];
  required?: string[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  default?: unknown;
  [key: string]: unknown;
}

/**
 * A real calendar date in YYYY-MM-DD form (rejects 2025-02-30). Years before 100 are refused
 * too, as when this went through `Date.UTC` (which reads them as 1900–1999): results must not
 * change. Read from the character codes: the schema checks every date of every item with it.
 */
export function isIsoDate(text: string): boolean {
  const date = isoDateNumber(text);
  if (date < 0) return false;
  const year = yearOf(date);
  const month = monthOf(date);
  const day = dayOf(date);
  return year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month (1–12) of the proleptic Gregorian calendar, as `Date` uses. */
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

let compiled: { ajv: Ajv2020; validators: Map<string, ValidateFunction> } | undefined;

function ajvInstance() {
  if (!compiled) {
    // Compiling is a fixed cost of every process (the language server pays it on the first
    // manifest it opens): without ajv's optimisation pass over the generated code it takes
    // about a third less (~110 ms instead of ~170 here), and the validators run as fast within
    // measurement noise.
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, verbose: true, allowUnionTypes: true, code: { optimize: false } });
    ajv.addFormat('date', { type: 'string', validate: isIsoDate });
    ajv.addSchema(schemaJson as object, 'manifest');
    compiled = { ajv, validators: new Map() };
  }
  return compiled;
}

/** Section item kinds validated one item at a time (so an edit revalidates one item). */
export type ItemKind = 'site' | 'asset' | 'budget' | 'scenario' | 'factorOverride' | 'target' | 'measurement';

export const SECTION_ITEM_KIND: Record<SectionName, ItemKind> = {
  sites: 'site',
  assets: 'asset',
  budgets: 'budget',
  scenarios: 'scenario',
  factors: 'factorOverride',
  targets: 'target',
  measurements: 'measurement',
};

/**
 * Compiles every validator now (about 0.1 s): the language server does it while the editor is
 * still starting, so that opening the first manifest does not wait for it.
 */
export function compileValidators(): void {
  validatorFor();
  for (const kind of Object.values(SECTION_ITEM_KIND)) validatorFor(kind);
}

/** Validator for one section item, or for the whole manifest with `kind` undefined. */
export function validatorFor(kind?: ItemKind): ValidateFunction {
  const { ajv, validators } = ajvInstance();
  const key = kind ?? '';
  let validate = validators.get(key);
  if (!validate) {
    validate = kind ? ajv.compile({ $ref: `manifest#/$defs/${kind}` }) : (ajv.getSchema('manifest') as ValidateFunction);
    validators.set(key, validate);
  }
  return validate;
}

export function validateValue(value: unknown, kind?: ItemKind): ErrorObject[] {
  const validate = validatorFor(kind);
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

/** Resolves a local `$ref` (`#/$defs/x`) of the manifest schema. */
export function resolveRef(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let guard = 0; current?.$ref && guard < 10; guard++) {
    const ref = current.$ref.replace(/^.*#\//, '').split('/');
    let target: unknown = manifestSchema;
    for (const part of ref) target = (target as Record<string, unknown>)?.[part];
    // A $ref with sibling keywords (description, examples) keeps them over the target's.
    const { $ref: _ignored, ...siblings } = current;
    current = { ...(target as SchemaNode), ...siblings };
  }
  return current;
}

/** The schema of the value at a JSON path (for hover and completion), following $refs. */
export function schemaAt(path: readonly (string | number)[]): SchemaNode | undefined {
  let node = resolveRef(manifestSchema);
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') {
      node = resolveRef(node.items);
    } else if (node.properties && Object.hasOwn(node.properties, segment)) {
      // Own properties only: a key named `__proto__`, `constructor` or `toString` is not in the schema.
      node = resolveRef(node.properties[segment]);
    } else if (node.anyOf) {
      node = node.anyOf.map(resolveRef).find((branch) => !!branch?.properties && Object.hasOwn(branch.properties, segment));
      node = node?.properties && Object.hasOwn(node.properties, segment) ? resolveRef(node.properties[segment]) : undefined;
    } else {
      return undefined;
    }
  }
  return node;
}
