import { Result, Schema, SchemaIssue } from 'effect';
import { isValidEmail, normaliseEmail } from './email.ts';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from './text.ts';

/**
 * The value schemas every boundary shares: API inputs, admin forms and portal filters decode
 * with these and nothing else, so a value one accepts the others accept too. Each is a plain
 * string schema (no brand) with a Norwegian message; `decodeValue` and `decodeFields` use them
 * without running an Effect.
 */

const EXPECTED: Readonly<Record<string, string>> = {
  String: 'Må være tekst.',
  Number: 'Må være et tall.',
  Boolean: 'Må være true eller false.',
  Objects: 'Må være et objekt.',
};

/** Norwegian messages for the issues that are not filters (missing key, wrong type, …). */
export const norwegianLeafHook: SchemaIssue.LeafHook = (issue) => {
  switch (issue._tag) {
    case 'MissingKey':
      return 'Feltet må fylles ut.';
    case 'InvalidType':
      return EXPECTED[issue.ast._tag] ?? 'Har feil type.';
    case 'UnexpectedKey':
      return 'Feltet er ukjent.';
    default:
      return 'Ugyldig verdi.';
  }
};

const formatter = SchemaIssue.makeFormatterStandardSchemaV1({ leafHook: norwegianLeafHook });

/** A problem with one field: the path to it (property names, array indexes as strings). */
export interface FieldIssue {
  readonly path: readonly string[];
  readonly message: string;
}

/**
 * Decodes `input` with `schema`: the value, or every problem found with a Norwegian message at
 * the field it is about. For a form or a filter read as one struct.
 */
export const decodeFields = <S extends Schema.ConstraintDecoder<unknown>>(
  schema: S,
  input: unknown,
): Result.Result<S['Type'], readonly FieldIssue[]> =>
  Result.mapError(
    Schema.decodeUnknownResult(schema, { errors: 'all' })(input),
    (error): readonly FieldIssue[] =>
      formatter(error.issue).issues.map((issue) => ({
        path: (issue.path ?? []).map((key) =>
          String(typeof key === 'object' && key !== null ? key.key : key),
        ),
        message: issue.message,
      })),
  );

/** Decodes one value with `schema`: the value, or the Norwegian message of its first problem. */
export const decodeValue = <S extends Schema.ConstraintDecoder<unknown>>(
  schema: S,
  input: unknown,
): Result.Result<S['Type'], string> =>
  Result.mapError(decodeFields(schema, input), (issues) => issues[0]?.message ?? 'Ugyldig verdi.');

/**
 * The base of every string the platform takes in: text it can store (no NUL, no lone surrogate),
 * refused with a field message rather than by PostgreSQL with a 500.
 */
export const Text = Schema.String.check(
  Schema.makeFilter((value: string) => isStorableText(value) || UNSTORABLE_TEXT_MESSAGE),
);

/**
 * A whole number (a safe integer): effect's Schema.Int, but refused with a Norwegian message
 * («Expected an integer» is its own, and no hook translates a filter's message).
 */
export const Integer = Schema.Number.check(Schema.isInt({ message: 'Må være et heltall.' }));

/** Storable text of at most `max` characters (UTF-16 units, as String.length counts). */
export const maxText = (max: number) =>
  Text.check(Schema.isMaxLength(max, { message: `Kan ikke være lengre enn ${max} tegn.` }));

/** Storable text of 1 to `max` characters. */
export const requiredText = (max: number) =>
  Text.check(
    Schema.isMinLength(1, { message: 'Må fylles ut.' }),
    Schema.isMaxLength(max, { message: `Kan ikke være lengre enn ${max} tegn.` }),
  );

/**
 * The same rule as `schema` (a string schema) with `message` for what it refuses, e.g.
 * `withMessage(Uuid, 'Kontaktpersonen må være en gyldig id.')`. Unstorable text keeps its own
 * message.
 */
export const withMessage = (schema: Schema.Codec<string, string>, message: string) => {
  const accepts = Schema.is(schema);
  return Text.check(Schema.makeFilter((value: string) => accepts(value) || message));
};

/**
 * A field an editor may leave empty: empty (or only spaces) for none, else, trimmed, what
 * `accepts` takes; `message` names the field.
 */
export const emptyOr = (accepts: (trimmed: string) => boolean, message: string, max: number) =>
  maxText(max).check(
    Schema.makeFilter((value: string) => value.trim() === '' || accepts(value.trim()) || message),
  );

/** True for an absolute http(s) URL. */
export const isHttpUrl = (value: string): boolean => {
  if (!/^https?:\/\/\S+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/** The longest web address the platform keeps. */
export const MAX_URL_LENGTH = 2000;

/** An absolute http(s) address of at most MAX_URL_LENGTH characters. */
export const HttpUrl = Text.check(
  Schema.makeFilter(
    (value: string) =>
      (value.length <= MAX_URL_LENGTH && isHttpUrl(value)) ||
      'Må være en fullstendig adresse som begynner med https:// eller http://.',
  ),
);
export type HttpUrl = typeof HttpUrl.Type;

/** The longest email address a form or an input may carry before it is normalised. */
export const MAX_EMAIL_INPUT_LENGTH = 320;

/**
 * An email address as typed: what normaliseEmail makes of it is a valid address (isValidEmail).
 * The value is kept as typed; store and compare it normalised.
 */
export const Email = requiredText(MAX_EMAIL_INPUT_LENGTH).check(
  Schema.makeFilter((value: string) => isValidEmail(normaliseEmail(value)), {
    message: 'Må være en gyldig e-postadresse, som navn@kommune.no.',
  }),
);
export type Email = typeof Email.Type;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID in its usual hex form (any version, either case): every record id here. */
export const isUuid = (value: string): boolean => UUID.test(value);

/** A record id. */
export const Uuid = Text.check(
  Schema.makeFilter((value: string) => isUuid(value) || 'Må være en gyldig id.'),
);
export type Uuid = typeof Uuid.Type;

/** The longest page cursor the API hands out or takes back. */
export const MAX_CURSOR_LENGTH = 200;

/** The opaque cursor of the next page, as a list answered it. */
export const Cursor = maxText(MAX_CURSOR_LENGTH);
export type Cursor = typeof Cursor.Type;
