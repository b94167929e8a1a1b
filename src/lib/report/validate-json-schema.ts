/**
 * A tiny JSON Schema validator for the subset our export schema uses (draft 2020-12 keywords:
 * `type` (incl. "integer" and type lists), `enum`, `const`, `required`, `properties`,
 * `additionalProperties: false`, `items`, `minItems`, `minimum`, `maximum`, and local `$ref`
 * to `#/$defs/…`). Anything else in a schema is rejected, so the schema can't silently
 * rely on a keyword that is not checked.
 */
export type JsonSchema = { [keyword: string]: unknown };

const KNOWN = new Set([
  '$schema',
  '$id',
  '$defs',
  '$ref',
  'title',
  'description',
  'type',
  'enum',
  'const',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'minItems',
  'minimum',
  'maximum'
]);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/**
 * Validate `value` against `schema`; returns a list of errors as "path: problem" (empty = valid).
 * @throws {RangeError} when the schema uses a keyword this validator does not implement, or a bad $ref.
 */
export function validateJsonSchema(
  value: unknown,
  schema: JsonSchema,
  root: JsonSchema = schema,
  path = '$'
): string[] {
  for (const k of Object.keys(schema)) {
    if (!KNOWN.has(k)) throw new RangeError(`validateJsonSchema: unsupported keyword "${k}" at ${path}`);
  }
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const defs = root.$defs as Record<string, JsonSchema> | undefined;
    const target = defs?.[name];
    if (!target) throw new RangeError(`validateJsonSchema: unknown $ref ${schema.$ref}`);
    return validateJsonSchema(value, target, root, path);
  }
  const errors: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeMatches(value, t))) {
      return [`${path}: expected ${types.join(' or ')}, got ${typeOf(value)}`];
    }
  }
  if (schema.enum !== undefined && !(schema.enum as unknown[]).includes(value)) {
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (schema.const !== undefined && value !== schema.const) {
    errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum)
      errors.push(`${path}: below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum)
      errors.push(`${path}: above ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) {
      errors.push(`${path}: fewer than ${schema.minItems} items`);
    }
    if (schema.items !== undefined) {
      value.forEach((item, i) =>
        errors.push(...validateJsonSchema(item, schema.items as JsonSchema, root, `${path}[${i}]`))
      );
    }
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? []) {
      if (!(key in obj)) errors.push(`${path}: missing required "${key}"`);
    }
    const props = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
    for (const [key, v] of Object.entries(obj)) {
      if (props[key]) errors.push(...validateJsonSchema(v, props[key], root, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}: unexpected property "${key}"`);
    }
  }
  return errors;
}
