/** The manifest schema as hover and completion show it: docs of a key, the keys of an object, allowed values. */
import { PathSegment } from '../manifest/parse';
import { resolveRef, schemaAt } from '../manifest/schema';

export interface SchemaDoc {
  description?: string;
  /** Enumerated values, if any. */
  allowed?: unknown[];
  default?: unknown;
  /** The schema's first example. */
  example?: unknown;
}

/** What the schema says about the value at a JSON path (`['assets', 0, 'pue']`). */
export function schemaDocAt(path: readonly PathSegment[]): SchemaDoc | undefined {
  const schema = schemaAt(path);
  if (!schema) return undefined;
  return { description: schema.description, allowed: schema.enum, default: schema.default, example: schema.examples?.[0] };
}

export interface SchemaKey {
  key: string;
  description: string;
  required: boolean;
}

/** The keys the object at a JSON path may have, in schema order. */
export function schemaKeysAt(path: readonly PathSegment[]): SchemaKey[] {
  const schema = schemaAt(path);
  const required = new Set(schema?.required ?? []);
  return Object.entries(schema?.properties ?? {}).map(([key, node]) => ({ key, description: resolveRef(node)?.description ?? '', required: required.has(key) }));
}

/** The values a key may take when the schema lists them (an enumeration, a constant, a boolean). */
export function schemaValuesAt(path: readonly PathSegment[]): { kind: 'enum' | 'boolean'; values: string[] } | undefined {
  const schema = schemaAt(path);
  const values = schema?.enum ?? (schema?.const !== undefined ? [schema.const] : undefined);
  if (values) return { kind: 'enum', values: values.map((v) => String(v)) };
  return schema?.type === 'boolean' ? { kind: 'boolean', values: ['true', 'false'] } : undefined;
}

/** A value to put for a missing key: the schema's example, else its default; '' when neither is a scalar. */
export function schemaPlaceholderAt(path: readonly PathSegment[]): string {
  const schema = schemaAt(path);
  const example = schema?.examples?.[0] ?? schema?.default;
  return example === undefined || typeof example === 'object' ? '' : String(example);
}
