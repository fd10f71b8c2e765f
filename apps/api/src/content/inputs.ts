import {
  Integer,
  norwegianLeafHook,
  requiredText,
  Slug,
  Text,
  Timestamp,
  Transition,
} from '@klimakommuner/domain';
import { Effect, Schema } from 'effect';

/**
 * What every router's inputs are made of. The values (Slug, IsoDate, Uuid, …) are the domain's
 * only definitions; here they become Standard Schemas with Norwegian messages for tRPC. The
 * encoded side is what a client sends (plain JSON), the decoded side what a procedure receives;
 * unknown keys are ignored, not rejected.
 */

export const standard = <S extends Schema.ConstraintDecoder<unknown>>(schema: S) =>
  Schema.toStandardSchemaV1(schema, { leafHook: norwegianLeafHook });

/** A field problem as a Standard Schema reports it. */
interface Issue {
  readonly message: string;
  readonly path?: readonly unknown[] | undefined;
}

type Validation =
  | { readonly value: unknown; readonly issues?: undefined }
  | { readonly issues: readonly Issue[] };

interface Standard {
  readonly '~standard': {
    readonly validate: (value: unknown) => Validation | Promise<Validation>;
  };
}

/**
 * The schema, plus a rule over several fields whose issues are reported together with the
 * fields' own: a check on the struct would run only once every field is valid, and an editor
 * would meet the rule in a second round. The rule sees the raw input and must ignore fields it
 * cannot read (their own issues say why). When every field is valid the rule is left to the
 * repository, which answers with its tagged error as before.
 */
export const withRule = <S extends Standard>(
  schema: S,
  rule: (input: unknown) => readonly Issue[],
): S => {
  const base = schema['~standard'];
  const merge = (result: Validation, input: unknown): Validation =>
    result.issues === undefined ? result : { issues: [...result.issues, ...rule(input)] };
  const validate = (input: unknown) => {
    const result = base.validate(input);
    return result instanceof Promise
      ? result.then((done) => merge(done, input))
      : merge(result, input);
  };
  // The schema stays underneath (its AST too: test/no-internal-errors.test.ts generates inputs
  // from it); only the validation tRPC calls is this one.
  return Object.create(schema, { '~standard': { value: { ...base, validate } } }) as S;
};

/** A string whose trimmed length is within [min, max], with a message naming the field. */
export const sized = (field: string, min: number, max: number) =>
  Text.check(
    Schema.makeFilter((value: string) => {
      const length = value.trim().length;
      if (min > 0 && length === 0) return `${field} må fylles ut.`;
      if (length < min) return `${field} må ha minst ${min} tegn.`;
      if (value.length > max) return `${field} kan ikke være lengre enn ${max} tegn.`;
      return true;
    }),
  );

export const Limit = Integer.check(
  Schema.isBetween({ minimum: 1, maximum: 500 }, { message: 'Må være et heltall fra 1 til 500.' }),
);

export const DEFAULT_LIMIT = 50;

/** A list's page size, DEFAULT_LIMIT when left out. */
export const PageLimit = Limit.pipe(Schema.withDecodingDefaultKey(Effect.succeed(DEFAULT_LIMIT)));

export const Version = Integer.check(
  Schema.isGreaterThanOrEqualTo(0, { message: 'Må være 0 eller større.' }),
);

/** The id of a user, session or token: a malformed one is simply not found. */
export const Id = requiredText(100);

/** When a publish takes effect: absent or null for at once (publishAtOf). */
export const PublishAt = Schema.optionalKey(Schema.NullOr(Timestamp));

export const Nothing = standard(Schema.UndefinedOr(Schema.Struct({})));
export const BySlug = standard(Schema.Struct({ slug: Slug }));
export const ById = standard(Schema.Struct({ id: Id }));
export const ByOrganisation = standard(Schema.Struct({ organisation: Slug }));
export const BySlugVersion = standard(Schema.Struct({ slug: Slug, version: Version }));
export const TransitionBySlug = standard(
  Schema.Struct({ slug: Slug, version: Version, transition: Transition, publishAt: PublishAt }),
);
