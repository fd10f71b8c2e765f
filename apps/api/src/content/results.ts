import { type DbHandle, findRenumberedMunicipality, InvalidCursorError } from '@klimakommuner/db';
import {
  type AuditActor,
  NotFound,
  StaleVersion,
  UnknownMunicipalityNumber,
} from '@klimakommuner/domain';
import type { TRPCError } from '@trpc/server';
import { Result } from 'effect';
import { DomainError, fieldError, invalidField, notFound } from '../errors.ts';
import type { Ctx } from '../trpc.ts';

// How a procedure turns what a repository answered into what the client gets.

/** A read's value, or NOT_FOUND with `message` when there is none. */
export const found = <T>(value: T | null, message: string): T => {
  if (value === null) throw notFound(message);
  return value;
};

/**
 * A write's value as `view` shows it, or its error: StaleVersion → CONFLICT with `data.current`
 * (the stored record as `view` shows it); any other error is thrown as it is, and the error map
 * gives it its code (NotFound → NOT_FOUND, a rule → UNPROCESSABLE_CONTENT, …).
 */
export const unwrap = <T, E, V = T>(
  result: Result.Result<T, E>,
  view: (value: T) => V = (value) => value as unknown as V,
): V => {
  if (Result.isSuccess(result)) return view(result.success);
  const error = result.failure;
  if (error instanceof StaleVersion) {
    // The repository puts the stored record, as it returns one, in `current`.
    const current = view(error.current as T);
    throw new DomainError('CONFLICT', error._tag, error.message, error, { data: { current } });
  }
  throw error;
};

const messages: Readonly<Record<string, (id: string) => string>> = {
  region: (id) => `Fant ingen region med navnet eller adressen «${id}». Velg regionen fra listen.`,
  organisation: (id) => `Fant ingen organisasjon med adressen «${id}». Velg fra listen.`,
  person: () => 'Fant ikke personen. Velg en person fra listen.',
  theme: (id) => `Fant ikke temaet «${id}». Velg blant temaene i listen.`,
  project: (id) => `Fant ikke prosjektet «${id}». Velg et prosjekt fra listen.`,
  file: () => 'Fant ikke filen. Last den opp på nytt.',
};

/**
 * A write that found no record an input field names (a typo, an old kommunenummer, a deleted
 * person) answers BAD_REQUEST with an issue on that field, never NOT_FOUND: the form that sent
 * it stays on screen with everything typed. `fields` maps the record type to its input field.
 * Returns the result untouched when it is not such a miss.
 */
export const referencing = async <T, E>(
  db: DbHandle['db'],
  result: Result.Result<T, E>,
  fields: Readonly<Record<string, string>>,
): Promise<Result.Result<T, E>> => {
  if (Result.isSuccess(result) || !(result.failure instanceof NotFound)) return result;
  const type = result.failure.recordType ?? '';
  const field = fields[type];
  if (field === undefined) return result;
  throw await referenceError(db, type, result.failure.recordId ?? '', field);
};

const referenceError = async (
  db: DbHandle['db'],
  type: string,
  id: string,
  field: string,
): Promise<TRPCError> => {
  if (type === 'municipality') {
    const renumberedTo = await findRenumberedMunicipality(db, id);
    return fieldError(new UnknownMunicipalityNumber({ number: id, renumberedTo }), field);
  }
  return invalidField(field, (messages[type] ?? (() => 'Fant ikke det du valgte.'))(id));
};

/** A list page, or BAD_REQUEST on `cursor` when the cursor is not one the list gave out. */
export const paged = <T>(page: Promise<T>): Promise<T> =>
  page.catch((error: unknown) => {
    if (!(error instanceof InvalidCursorError)) throw error;
    throw new DomainError('BAD_REQUEST', 'InvalidCursor', 'Ugyldig sidemarkør.', error);
  });

/** What a resolver is given: the request's context and the decoded input. */
interface Call<I> {
  readonly ctx: Ctx;
  readonly input: I;
}

/**
 * The resolver of a query that is one read: its value, or NOT_FOUND with the message `missing`
 * gives for the input.
 */
export const reading =
  <I, T>(read: (ctx: Ctx, input: I) => Promise<T | null>, missing: (input: I) => string) =>
  async ({ ctx, input }: Call<I>): Promise<T> =>
    found(await read(ctx, input), missing(input));

/**
 * The resolver of a mutation that is one write by the caller (a repository write, or a lambda
 * passing it the day or the clock): its value as `view` shows it, or the mapped error; `refs`
 * makes a record the input names that does not exist a field error (referencing).
 */
export const writing =
  <I, T, E, V = T>(
    write: (
      db: DbHandle['db'],
      input: I,
      actor: AuditActor | null,
      ctx: Ctx,
    ) => Promise<Result.Result<T, E>>,
    options: {
      readonly refs?: Readonly<Record<string, string>>;
      readonly view?: (value: T) => V;
    } = {},
  ) =>
  async ({ ctx, input }: Call<I>): Promise<V> => {
    const result = await write(ctx.db, input, (await ctx.auth()).auditActor, ctx);
    const { refs, view } = options;
    return unwrap(refs === undefined ? result : await referencing(ctx.db, result, refs), view);
  };
