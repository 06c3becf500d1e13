// Turns JSON Schema into the rows a person reads in the docs page: name, type, required, notes.

type Json = Record<string, unknown>;

export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

/** A short readable type: "string (date) or string (date-time)", "array of string", "one of: a, b". */
export function describeType(schema: Json): string {
  if (Array.isArray(schema.anyOf)) return [...new Set((schema.anyOf as Json[]).map(describeType))].join(' or ');
  if (Array.isArray(schema.enum)) return `one of: ${(schema.enum as unknown[]).map(String).join(', ')}`;
  if ('const' in schema) return `"${String(schema.const)}"`;
  if (schema.type === 'array') return `array of ${schema.items ? describeType(schema.items as Json) : 'any'}`;
  const type = typeof schema.type === 'string' ? schema.type : 'any';
  const format = typeof schema.format === 'string' ? ` (${schema.format})` : '';
  return `${type}${format}`;
}

function limits(schema: Json): string {
  const parts: string[] = [];
  if (typeof schema.minLength === 'number' && schema.minLength > 1) parts.push(`≥ ${schema.minLength} characters`);
  if (typeof schema.maxLength === 'number') parts.push(`≤ ${schema.maxLength} characters`);
  if (typeof schema.minimum === 'number' && schema.minimum > -1e15) parts.push(`≥ ${schema.minimum}`);
  if (typeof schema.maximum === 'number' && schema.maximum < 1e15) parts.push(`≤ ${schema.maximum}`);
  if (typeof schema.minItems === 'number' && schema.minItems > 0) parts.push(`≥ ${schema.minItems} items`);
  if (typeof schema.maxItems === 'number') parts.push(`≤ ${schema.maxItems} items`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(', ');
}

/** The top-level fields of an object schema (one level deep: nested objects show as "object"). */
export function fieldRows(schema: Json): FieldRow[] {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, field]) => ({
    name,
    type: describeType(field),
    required: required.has(name),
    description: [field.description, limits(field)].filter(Boolean).join('. '),
  }));
}
