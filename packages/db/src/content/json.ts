import { type RawBuilder, sql } from 'kysely';
import type { JsonValue } from '../schema.ts';

// Keys whose values never reach the audit trail, at any depth.
const SECRET = /password|token_?hash|secret/i;

/** A copy of `value` as plain JSON without secrets: Dates become ISO strings, undefined drops. */
export const redact = (value: unknown): JsonValue => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === 'object') {
    const result: Record<string, JsonValue> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined || SECRET.test(key)) continue;
      result[key] = redact(v);
    }
    return result;
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  return null;
};

/**
 * A jsonb parameter. Serialised here, not by the driver: node-postgres would turn a JS array
 * into a PostgreSQL array literal, and PGlite passes a string through unchanged.
 */
export const jsonb = (value: unknown): RawBuilder<JsonValue | null> =>
  value === null || value === undefined
    ? sql<null>`null`
    : sql<JsonValue>`${JSON.stringify(redact(value))}::jsonb`;
