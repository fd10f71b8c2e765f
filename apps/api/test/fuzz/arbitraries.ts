import { type Schema, SchemaAST } from 'effect';
import fc from 'fast-check';

/**
 * fast-check arbitraries for a procedure's input, derived from its own Effect schema (the
 * encoded side, what a client sends) and mixed with hostile values: NUL bytes, lone surrogates,
 * 100 KB strings, deep nesting and wrong types, anywhere in the input.
 */

/** Strings no field should accept as they are, or that have broken a procedure before. */
export const HOSTILE_STRINGS: readonly string[] = [
  '\u0000',
  'a\u0000b',
  'navn\u0000@kommune.no',
  '\uD800',
  'x\uDC00y',
  '\uDBFF',
  'a'.repeat(100_000),
  `${'ø'.repeat(50_000)}\u0000`,
  '',
  ' ',
  "'; drop table project; --",
  '%00',
  '\\',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '2026-13-01',
  '0000-01-01',
  '+275760-09-13',
  '2026-13-01T08:00:00Z',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '9999-12-31T23:59:59Z',
  'NaN',
  '1e309',
  'kks_',
  'kkt_',
];

export interface Plausible {
  /** Strings that name real things (slugs, numbers, ids) so calls get past NOT_FOUND. */
  readonly strings: readonly string[];
}

const STRINGS_OF_EVERY_KIND = [
  'ken',
  'kommunenettverk-for-klimaomstilling',
  'akershus-fylkeskommune',
  'mat',
  'mobilitet',
  'gronn-mobilitet',
  '3201',
  '0301',
  '32',
  '2026-01-15',
  '2025-12-31',
  '2026-03-01T08:00:00Z',
  'publish',
  'submit',
  'organisation',
  'project',
  'ny@kommune.no',
  'et-langt-passord-som-holder',
  'https://example.no',
  '+47 900 00 000',
];

/** A value of some other type than the schema asks for, or nested far too deep. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.integer({ min: 100, max: 3000 }).map((depth) => {
    let value: unknown = 'bunn';
    for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
    return value;
  }),
);

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);

const stringArbitrary = (plausible: Plausible): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...STRINGS_OF_EVERY_KIND, ...plausible.strings) },
    { weight: 3, arbitrary: hostileString },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...plausible.strings, 'ken'), hostileString)
        .map(([a, b]) => a + b),
    },
  );

const numberArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, 1, 2, -1, 50, 500, 501, 2 ** 31, 2 ** 53, -(2 ** 53), 0.5, 1e308),
  fc.integer(),
);

const shaped = (ast: SchemaAST.AST, plausible: Plausible, depth: number): fc.Arbitrary<unknown> => {
  const next = (inner: SchemaAST.AST) => arbitraryFor(inner, plausible, depth + 1);
  switch (ast._tag) {
    case 'String':
      return stringArbitrary(plausible);
    case 'Number':
      return numberArbitrary;
    case 'Boolean':
      return fc.boolean();
    case 'Literal':
      return fc.constant(ast.literal);
    case 'Null':
      return fc.constant(null);
    case 'Undefined':
    case 'Void':
      return fc.constant(undefined);
    case 'Union':
      return ast.types.length === 0 ? fc.constant(undefined) : fc.oneof(...ast.types.map(next));
    case 'Arrays': {
      const elements = ast.elements.map(next);
      const rest = ast.rest[0];
      if (rest === undefined) return fc.tuple(...elements);
      return fc
        .tuple(fc.tuple(...elements), fc.array(next(rest), { maxLength: depth > 3 ? 1 : 6 }))
        .map(([head, tail]) => [...head, ...tail]);
    }
    case 'Objects': {
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      const requiredKeys: string[] = [];
      for (const property of ast.propertySignatures) {
        const name = String(property.name);
        model[name] = next(property.type);
        if (!SchemaAST.isOptional(property.type)) requiredKeys.push(name);
      }
      return fc.record(model, { requiredKeys });
    }
    case 'Suspend':
      return depth > 4 ? fc.constant(null) : next(ast.thunk());
    default:
      return fc.anything({ maxDepth: 2 });
  }
};

/** Mostly the shape the schema asks for; sometimes a wrong type in its place. */
const arbitraryFor = (
  ast: SchemaAST.AST,
  plausible: Plausible,
  depth: number,
): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 9, arbitrary: shaped(ast, plausible, depth) },
    { weight: 1, arbitrary: wrongType },
  );

/** Inputs for a procedure whose input schema is `schema` (or none: anything at all). */
export const inputsFor = (
  schema: Schema.Top | undefined,
  plausible: Plausible,
): fc.Arbitrary<unknown> =>
  schema === undefined
    ? fc.oneof(fc.constant(undefined), wrongType)
    : arbitraryFor(SchemaAST.toEncoded(schema.ast), plausible, 0);
