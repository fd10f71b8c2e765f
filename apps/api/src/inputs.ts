import { isValidEmail, normaliseEmail, Role, TokenScope, Transition } from '@klimakommuner/domain';
import { Effect, Schema, type SchemaIssue } from 'effect';

/**
 * Input schemas of the public procedures. The encoded side is what a client sends (plain JSON),
 * the decoded side what a procedure receives; unknown keys are ignored, not rejected.
 */

const expected: Record<string, string> = {
  String: 'Må være tekst.',
  Number: 'Må være et tall.',
  Boolean: 'Må være true eller false.',
  Objects: 'Må være et objekt.',
};

// Norwegian messages for the issues that are not filters (missing key, wrong type, …).
const leafHook: SchemaIssue.LeafHook = (issue) => {
  switch (issue._tag) {
    case 'MissingKey':
      return 'Feltet må fylles ut.';
    case 'InvalidType':
      return expected[issue.ast._tag] ?? 'Har feil type.';
    case 'UnexpectedKey':
      return 'Feltet er ukjent.';
    default:
      return 'Ugyldig verdi.';
  }
};

export const standard = <S extends Schema.ConstraintDecoder<unknown>>(schema: S) =>
  Schema.toStandardSchemaV1(schema, { leafHook });

export const text = (max: number) =>
  Schema.String.check(
    Schema.isMaxLength(max, { message: `Kan ikke være lengre enn ${max} tegn.` }),
  );

export const Slug = Schema.String.check(
  Schema.isMinLength(1, { message: 'Må fylles ut.' }),
  Schema.isMaxLength(100, { message: 'Kan ikke være lengre enn 100 tegn.' }),
  Schema.isPattern(/^[a-z0-9-]+$/, {
    message: 'Kan bare inneholde små bokstaver a–z, sifre og bindestrek.',
  }),
);

export const MunicipalityNumber = Schema.String.check(
  Schema.isPattern(/^[0-9]{4}$/, { message: 'Må være et kommunenummer med fire sifre.' }),
);

export const CountyNumber = Schema.String.check(
  Schema.isPattern(/^[0-9]{2}$/, { message: 'Må være et fylkesnummer med to sifre.' }),
);

export const Limit = Schema.Int.check(
  Schema.isBetween({ minimum: 1, maximum: 500 }, { message: 'Må være et heltall fra 1 til 500.' }),
);

export const DEFAULT_LIMIT = 50;

export const BySlug = standard(Schema.Struct({ slug: Slug }));

export const MunicipalityFilter = Schema.Struct({
  organisation: Schema.optionalKey(Slug),
  county: Schema.optionalKey(CountyNumber),
  q: Schema.optionalKey(text(100)),
  membersOnly: Schema.optionalKey(Schema.Boolean),
  limit: Limit.pipe(Schema.withDecodingDefaultKey(Effect.succeed(DEFAULT_LIMIT))),
  cursor: Schema.optionalKey(text(200)),
});

/** The whole input may be left out: `municipalities.list()` lists the first page of all. */
export const ListMunicipalities = standard(Schema.UndefinedOr(MunicipalityFilter));

// ——— Editors (docs/contracts-editors.md) ———

export const required = (max: number) =>
  Schema.String.check(
    Schema.isMinLength(1, { message: 'Må fylles ut.' }),
    Schema.isMaxLength(max, { message: `Kan ikke være lengre enn ${max} tegn.` }),
  );

/** A password as typed; its rules (12–256 code points, not common) are the domain's. */
const Password = text(4096);

export const Email = required(320).check(
  Schema.makeFilter((value: string) => isValidEmail(normaliseEmail(value)), {
    message: 'Må være en gyldig e-postadresse, som navn@kommune.no.',
  }),
);

const Id = required(100);
export const Version = Schema.Int.check(
  Schema.isGreaterThanOrEqualTo(0, { message: 'Må være et heltall.' }),
);

export const Nothing = standard(Schema.UndefinedOr(Schema.Struct({})));
export const SignIn = standard(Schema.Struct({ email: text(320), password: Password }));
export const ById = standard(Schema.Struct({ id: Id }));
export const ChangePassword = standard(
  Schema.Struct({ currentPassword: Password, newPassword: Password }),
);

const Roles = Schema.Array(Role).check(
  Schema.isMaxLength(50, { message: 'Kan ikke ha mer enn 50 roller.' }),
);
export const CreateUser = standard(
  Schema.Struct({ email: Email, name: required(200), password: Password, roles: Roles }),
);
export const SetRoles = standard(Schema.Struct({ id: Id, roles: Roles, version: Version }));
export const ByIdVersion = standard(Schema.Struct({ id: Id, version: Version }));

export const CreateToken = standard(
  Schema.Struct({ name: required(100), organisation: Slug, scope: TokenScope }),
);

export const IsoDate = Schema.String.check(
  Schema.makeFilter(
    (value: string) =>
      /^\d{4}-\d{2}-\d{2}$/.test(value) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    { message: 'Må være en dato på formen ÅÅÅÅ-MM-DD.' },
  ),
);

export const Timestamp = Schema.String.check(
  Schema.makeFilter((value: string) => value.length <= 40 && !Number.isNaN(Date.parse(value)), {
    message: 'Må være et tidspunkt, som 2026-03-01T08:00:00Z.',
  }),
);

export const UpdateOrganisation = standard(
  Schema.Struct({
    slug: Slug,
    version: Version,
    description: text(20_000),
    website: text(500),
    contactEmail: text(320),
  }),
);

export const TransitionOrganisation = standard(
  Schema.Struct({
    slug: Slug,
    version: Version,
    transition: Transition,
    publishAt: Schema.optionalKey(Schema.NullOr(Timestamp)),
  }),
);

export const ByOrganisation = standard(Schema.Struct({ organisation: Slug }));

export const AddMembership = standard(
  Schema.Struct({
    organisation: Slug,
    municipality: Schema.optionalKey(MunicipalityNumber),
    region: Schema.optionalKey(Slug),
    from: IsoDate,
  }),
);

export const EndMembership = standard(Schema.Struct({ id: Id, to: IsoDate, version: Version }));

export const AuditHistory = standard(
  Schema.Struct({ recordType: required(50), recordId: required(200) }),
);

export const AuditList = standard(
  Schema.UndefinedOr(
    Schema.Struct({
      actor: Schema.optionalKey(text(100)),
      organisation: Schema.optionalKey(Slug),
      recordType: Schema.optionalKey(text(50)),
      action: Schema.optionalKey(text(100)),
      from: Schema.optionalKey(Timestamp),
      to: Schema.optionalKey(Timestamp),
      limit: Schema.optionalKey(Limit),
      cursor: Schema.optionalKey(text(200)),
    }),
  ),
);
