import { StandardSchemaV1Error, type TRPC_ERROR_CODE_KEY, TRPCError } from '@trpc/server';

/** A field problem as clients see it in `error.data.issues`. */
export interface InputIssue {
  readonly path: readonly string[];
  readonly message: string;
}

/**
 * How tagged domain errors (`{ _tag, message }`) reach clients. Later issues add their tags here;
 * a tag that is not listed is treated as a bug (INTERNAL_SERVER_ERROR), never shown as is.
 */
export const codeByTag: Readonly<Record<string, TRPC_ERROR_CODE_KEY>> = {
  NotFound: 'NOT_FOUND',
  InvalidCursor: 'BAD_REQUEST',
  MembershipOverlap: 'UNPROCESSABLE_CONTENT',
  MembershipEndsBeforeStart: 'UNPROCESSABLE_CONTENT',
  InvalidMunicipalityNumber: 'UNPROCESSABLE_CONTENT',
  MunicipalityCountyMismatch: 'UNPROCESSABLE_CONTENT',
  StaleVersion: 'CONFLICT',
  Unauthenticated: 'UNAUTHORIZED',
  SessionExpired: 'UNAUTHORIZED',
  NotSignedIn: 'UNAUTHORIZED',
  InvalidCredentials: 'UNAUTHORIZED',
  Forbidden: 'FORBIDDEN',
  RateLimited: 'TOO_MANY_REQUESTS',
  TooManyAttempts: 'TOO_MANY_REQUESTS',
  InvalidTransition: 'UNPROCESSABLE_CONTENT',
  PasswordTooShort: 'BAD_REQUEST',
  PasswordTooLong: 'BAD_REQUEST',
  PasswordTooCommon: 'BAD_REQUEST',
  InvalidField: 'BAD_REQUEST',
  EmailTaken: 'CONFLICT',
  // Projects (docs/contracts-projects.md): each rule's Norwegian message reaches the client.
  ProjectNotPublishable: 'UNPROCESSABLE_CONTENT',
  ProjectDatesInvalid: 'UNPROCESSABLE_CONTENT',
  NotAMemberOfOwner: 'UNPROCESSABLE_CONTENT',
  ParticipationAlreadyActive: 'UNPROCESSABLE_CONTENT',
  ParticipationDateBeforeLast: 'UNPROCESSABLE_CONTENT',
  ParticipationUnchanged: 'UNPROCESSABLE_CONTENT',
};

/** Tags whose error concerns one input field: the client gets it as an issue with that path. */
const fieldByTag: Readonly<Record<string, string>> = {
  InvalidCursor: 'cursor',
  PasswordTooShort: 'password',
  PasswordTooLong: 'password',
  PasswordTooCommon: 'password',
  EmailTaken: 'email',
};

/** Fields of a domain error that clients get in `error.data` (never anything secret). */
const DATA_KEYS = ['retryAfterSeconds', 'current'] as const;
export type ErrorData = { retryAfterSeconds?: number; current?: unknown };

export const GENERIC_MESSAGE = 'Noe gikk galt på serveren. Prøv igjen senere.';

const tagOf = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null && '_tag' in value && typeof value._tag === 'string'
    ? value._tag
    : undefined;

const messageOf = (value: unknown): string | undefined =>
  typeof value === 'object' &&
  value !== null &&
  'message' in value &&
  typeof value.message === 'string'
    ? value.message
    : undefined;

/** A domain error carried in a TRPCError, so the formatter can expose its tag and field. */
export class DomainError extends TRPCError {
  readonly tag: string;
  /** The input field the error is about, when it is about one. */
  readonly field: string | undefined;
  /** Extra data for `error.data`: `retryAfterSeconds`, `current`. */
  readonly data: ErrorData;
  constructor(
    code: TRPC_ERROR_CODE_KEY,
    tag: string,
    message: string,
    cause: unknown,
    options: { readonly field?: string; readonly data?: ErrorData } = {},
  ) {
    super({ code, message, cause });
    this.tag = tag;
    this.field = options.field;
    this.data = options.data ?? {};
  }
}

const dataOf = (value: unknown): ErrorData => {
  const data: Record<string, unknown> = {};
  if (typeof value === 'object' && value !== null) {
    for (const key of DATA_KEYS)
      if (key in value) data[key] = (value as Record<string, unknown>)[key];
  }
  return data as ErrorData;
};

/** Turns anything a procedure throws into the TRPCError a client may see. */
export const toTRPCError = (error: unknown): TRPCError => {
  if (error instanceof TRPCError) return error;
  const tag = tagOf(error);
  const code = tag === undefined ? undefined : codeByTag[tag];
  if (tag !== undefined && code !== undefined) {
    return new DomainError(code, tag, messageOf(error) ?? tag, error, { data: dataOf(error) });
  }
  return new TRPCError({
    code: 'INTERNAL_SERVER_ERROR',
    message: GENERIC_MESSAGE,
    cause: error instanceof Error ? error : new Error(String(tag ?? error)),
  });
};

export const notFound = (message: string): TRPCError =>
  new DomainError('NOT_FOUND', 'NotFound', message, undefined);

/** A tagged domain error about one input field, e.g. a password rule for `newPassword`. */
export const fieldError = (error: unknown, field: string): TRPCError => {
  const mapped = toTRPCError(error);
  return mapped instanceof DomainError
    ? new DomainError(mapped.code, mapped.tag, mapped.message, error, { field, data: mapped.data })
    : mapped;
};

/** BAD_REQUEST about one field, with a Norwegian message (checks the schema cannot express). */
export const invalidField = (field: string, message: string): TRPCError =>
  new DomainError('BAD_REQUEST', 'InvalidField', message, undefined, { field });

const pathSegment = (segment: unknown): string =>
  String(
    typeof segment === 'object' && segment !== null && 'key' in segment ? segment.key : segment,
  );

/** The field issues of an error, or null when it is not about the input. */
export const issuesOf = (error: TRPCError): InputIssue[] | null => {
  const cause = error.cause;
  if (cause instanceof StandardSchemaV1Error) {
    return cause.issues.map((issue) => ({
      path: (issue.path ?? []).map(pathSegment),
      message: issue.message,
    }));
  }
  if (error instanceof DomainError) {
    const field = error.field ?? fieldByTag[error.tag];
    if (field !== undefined) return [{ path: [field], message: error.message }];
  }
  return null;
};

export const describeIssues = (issues: readonly InputIssue[]): string =>
  `Ugyldig forespørsel: ${issues
    .map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
    .join(' ')}`;

/** Masks the password in connection strings (`postgres://user:secret@host` → `user:***@`). */
export const maskSecrets = (text: string): string =>
  text.replace(/(\w+:\/\/[^:/\s]*:)[^@\s]*@/g, '$1***@');

/** Logs an unexpected error on the server, with passwords in connection strings masked. */
export const logUnexpected = (path: string | undefined, error: TRPCError): void => {
  const cause = error.cause ?? error;
  const text = cause.stack ?? `${cause.name}: ${cause.message}`;
  console.error(`[api] ${path ?? '(no procedure)'} failed: ${maskSecrets(text)}`);
};
