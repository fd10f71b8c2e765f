import { isDatabaseUnavailable } from '@klimakommuner/db';
import type { DomainErrorTag } from '@klimakommuner/domain';
import { StandardSchemaV1Error, type TRPC_ERROR_CODE_KEY, TRPCError } from '@trpc/server';

/** A field problem as clients see it in `error.data.issues`. */
export interface InputIssue {
  readonly path: readonly string[];
  readonly message: string;
}

/** Tags only the API itself throws: about the request, or the service. */
type ApiErrorTag = 'InvalidCursor' | 'InvalidField' | 'RateLimited' | 'DatabaseUnavailable';

export type ErrorTag = DomainErrorTag | ApiErrorTag;

/**
 * How tagged errors (`{ _tag, message }`) reach clients. Typed over every tag the domain has, so
 * a new domain error without a code here does not compile; a tag that is not listed (thrown by
 * mistake) is treated as a bug (INTERNAL_SERVER_ERROR), never shown as is.
 */
export const codeByTag = {
  // Content: versions, existence, the workflow.
  NotFound: 'NOT_FOUND',
  StaleVersion: 'CONFLICT',
  InvalidTransition: 'UNPROCESSABLE_CONTENT',
  PublishAtWithoutPublish: 'BAD_REQUEST',
  OsloTimeInvalid: 'BAD_REQUEST',
  OsloTimeSkipped: 'BAD_REQUEST',
  // Municipalities and memberships.
  InvalidMunicipalityNumber: 'UNPROCESSABLE_CONTENT',
  MunicipalityCountyMismatch: 'UNPROCESSABLE_CONTENT',
  UnknownMunicipalityNumber: 'BAD_REQUEST',
  MembershipOverlap: 'UNPROCESSABLE_CONTENT',
  MembershipEndsBeforeStart: 'UNPROCESSABLE_CONTENT',
  // Projects (docs/contracts-projects.md): each rule's Norwegian message reaches the client.
  ProjectNotPublishable: 'UNPROCESSABLE_CONTENT',
  ProjectDatesInvalid: 'UNPROCESSABLE_CONTENT',
  NotAMemberOfOwner: 'UNPROCESSABLE_CONTENT',
  ParticipationAlreadyActive: 'UNPROCESSABLE_CONTENT',
  ParticipationDateBeforeLast: 'UNPROCESSABLE_CONTENT',
  ParticipationUnchanged: 'UNPROCESSABLE_CONTENT',
  // Who may be attached to a project (packages/domain project/people.ts): a field error.
  LeaderNotOfOwner: 'BAD_REQUEST',
  ContactNotCandidate: 'BAD_REQUEST',
  // Events (issue 12): each rule's Norwegian message reaches the client.
  EventEndsBeforeStart: 'UNPROCESSABLE_CONTENT',
  EventWithoutPlace: 'UNPROCESSABLE_CONTENT',
  RegistrationDeadlineInvalid: 'UNPROCESSABLE_CONTENT',
  EventStatusReasonMissing: 'UNPROCESSABLE_CONTENT',
  // Resources (docs/contracts-resources.md): attachments and the project are field errors.
  ResourceNotPublishable: 'UNPROCESSABLE_CONTENT',
  ResourceDatesInvalid: 'UNPROCESSABLE_CONTENT',
  AttachmentTitleMissing: 'BAD_REQUEST',
  AttachmentAltTextMissing: 'BAD_REQUEST',
  ResourceProjectNotOfOwner: 'BAD_REQUEST',
  // Articles (issue 12): the image and the project are field errors.
  ArticleNotPublishable: 'UNPROCESSABLE_CONTENT',
  ArticleImageAltTextMissing: 'BAD_REQUEST',
  LogoAltTextMissing: 'BAD_REQUEST',
  LogoNotAnImage: 'BAD_REQUEST',
  ArticleImageNotAnImage: 'BAD_REQUEST',
  ArticleProjectNotOfPublisher: 'BAD_REQUEST',
  // Access.
  NotSignedIn: 'UNAUTHORIZED',
  InvalidCredentials: 'UNAUTHORIZED',
  Forbidden: 'FORBIDDEN',
  TooManyAttempts: 'TOO_MANY_REQUESTS',
  PasswordTooShort: 'BAD_REQUEST',
  PasswordTooLong: 'BAD_REQUEST',
  PasswordTooCommon: 'BAD_REQUEST',
  EmailTaken: 'CONFLICT',
  // The API's own.
  InvalidCursor: 'BAD_REQUEST',
  InvalidField: 'BAD_REQUEST',
  RateLimited: 'TOO_MANY_REQUESTS',
  DatabaseUnavailable: 'SERVICE_UNAVAILABLE',
} as const satisfies Readonly<Record<ErrorTag, TRPC_ERROR_CODE_KEY>>;

/** Tags whose error concerns one input field: the client gets it as an issue with that path. */
const fieldByTag: Readonly<Partial<Record<ErrorTag, string>>> = {
  InvalidCursor: 'cursor',
  PublishAtWithoutPublish: 'publishAt',
  PasswordTooShort: 'password',
  PasswordTooLong: 'password',
  PasswordTooCommon: 'password',
  EmailTaken: 'email',
  LeaderNotOfOwner: 'leaders',
  ContactNotCandidate: 'contact',
  AttachmentTitleMissing: 'attachments',
  AttachmentAltTextMissing: 'attachments',
  ResourceProjectNotOfOwner: 'project',
  EventEndsBeforeStart: 'timing',
  EventWithoutPlace: 'address',
  RegistrationDeadlineInvalid: 'registrationDeadline',
  EventStatusReasonMissing: 'statusNote',
  ArticleImageAltTextMissing: 'image',
  LogoAltTextMissing: 'altText',
  LogoNotAnImage: 'file',
  ArticleImageNotAnImage: 'image',
  ArticleProjectNotOfPublisher: 'project',
};

const isErrorTag = (tag: string): tag is ErrorTag => Object.hasOwn(codeByTag, tag);

/** Fields of a domain error that clients get in `error.data` (never anything secret). */
const DATA_KEYS = ['retryAfterSeconds', 'current', 'position'] as const;
export type ErrorData = { retryAfterSeconds?: number; current?: unknown; position?: number };

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
  readonly tag: ErrorTag;
  /** The input field the error is about, when it is about one. */
  readonly field: string | undefined;
  /**
   * Extra data for `error.data`: `retryAfterSeconds`, `current`, and `position` (which attachment
   * a rule is about, counted from 0).
   */
  readonly data: ErrorData;
  constructor(
    code: TRPC_ERROR_CODE_KEY,
    tag: ErrorTag,
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

/** The largest request body the API reads (tRPC's maxBodySize). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** The most calls one batched request may carry (tRPC's maxBatchSize; the client's maxItems). */
export const MAX_BATCH_CALLS = 50;

/**
 * Norwegian for what tRPC itself refuses before any procedure runs: a request it cannot read,
 * route or take. Its own messages are English («No procedure found on path …»); domain errors
 * and input issues come with theirs.
 */
export const frameworkMessage = (error: TRPCError): string => {
  switch (error.code) {
    case 'PARSE_ERROR':
      return 'Forespørselen kunne ikke leses: input må være gyldig JSON.';
    case 'NOT_FOUND':
      return 'Fant ingen prosedyre med dette navnet.';
    case 'METHOD_NOT_SUPPORTED':
      return 'Spørringer sendes med GET og endringer med POST.';
    case 'PAYLOAD_TOO_LARGE':
      return `Forespørselen er for stor (høyst ${MAX_BODY_BYTES / 1024 / 1024} MB).`;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 'Endringer sendes som JSON, med «Content-Type: application/json».';
    case 'BAD_REQUEST':
      // JSON.parse's own error, passed on as the message.
      if (error.cause instanceof SyntaxError)
        return 'Forespørselen kunne ikke leses: input må være gyldig JSON.';
      if (error.message.startsWith('Batch call exceeds'))
        return `Et samlet kall kan ha høyst ${MAX_BATCH_CALLS} kall.`;
      if (error.message.includes('needs to be an object when doing a batch call'))
        return 'I et samlet kall må input være et objekt med hvert kalls input under dets nummer.';
      if (error.message.startsWith('Cannot mix procedure types'))
        return 'Spørringer og endringer kan ikke sendes i samme samlede kall.';
      return 'Forespørselen er ugyldig.';
    default:
      return 'Forespørselen kunne ikke behandles.';
  }
};

/** What clients are told to wait (`Retry-After`) when the database cannot be reached. */
export const UNAVAILABLE_RETRY_SECONDS = 5;
export const UNAVAILABLE_MESSAGE =
  'Tjenesten får ikke kontakt med databasen akkurat nå. Prøv igjen om litt.';

/** 503 with Retry-After: the database is unreachable (stopped, restarting, cut off). */
export const databaseUnavailable = (cause: unknown): DomainError =>
  new DomainError('SERVICE_UNAVAILABLE', 'DatabaseUnavailable', UNAVAILABLE_MESSAGE, cause, {
    data: { retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS },
  });

/** Turns anything a procedure throws into the TRPCError a client may see. */
export const toTRPCError = (error: unknown): TRPCError => {
  if (error instanceof TRPCError) return error;
  if (isDatabaseUnavailable(error)) return databaseUnavailable(error);
  const tag = tagOf(error);
  if (tag !== undefined && isErrorTag(tag)) {
    return new DomainError(codeByTag[tag], tag, messageOf(error) ?? tag, error, {
      data: dataOf(error),
    });
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

let unavailableLoggedAt = 0;

/** Logs that the database is unreachable, at most every 10 seconds (an outage is many calls). */
export const logUnavailable = (error: TRPCError): void => {
  const now = Date.now();
  if (now - unavailableLoggedAt < 10_000) return;
  unavailableLoggedAt = now;
  const cause = error.cause ?? error;
  console.error(`[api] database unreachable: ${maskSecrets(cause.message || cause.name)}`);
};

/** Logs an unexpected error on the server, with passwords in connection strings masked. */
export const logUnexpected = (path: string | undefined, error: TRPCError): void => {
  const cause = error.cause ?? error;
  const text = cause.stack ?? `${cause.name}: ${cause.message}`;
  console.error(`[api] ${path ?? '(no procedure)'} failed: ${maskSecrets(text)}`);
};
