import type { DbHandle } from '@klimakommuner/db';
import {
  type Access,
  type AuditActor,
  type Action,
  type Actor,
  actionFor,
  can,
  Forbidden,
  NotSignedIn,
  type Resource,
  TRANSITIONS,
  type Transition,
} from '@klimakommuner/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import { DomainError, describeIssues, GENERIC_MESSAGE, issuesOf, toTRPCError } from './errors.ts';

/** Who is asking, resolved once per request from the bearer token (sessions and API tokens). */
export interface Auth {
  readonly actor: Actor;
  /** The signed-in user (a session), else null. */
  readonly user: { readonly id: string; readonly email: string; readonly name: string } | null;
  readonly sessionId: string | null;
  /** How the audit trail names the actor; null for anonymous. */
  readonly auditActor: AuditActor | null;
}

export const ANONYMOUS_AUTH: Auth = {
  actor: { kind: 'anonymous' },
  user: null,
  sessionId: null,
  auditActor: null,
};

/**
 * Where the organisation a `{ action }` is checked against comes from. Without one the resource
 * is `{ system: true }` (admin only).
 * - `input`: the input field holding the organisation's slug;
 * - `membership`: the input field holding a membership id, whose organisation is loaded first;
 * - `record`: audit.history's `{ recordType, recordId }`, whose organisation is loaded first;
 * - `transition`: the input field naming a workflow transition; the action checked is then
 *   `actionFor(transition)` rather than the declared one (which is the least any transition needs).
 */
export interface ResourceRef {
  readonly input?: string;
  readonly membership?: string;
  readonly record?: true;
  readonly transition?: string;
}

export interface Meta {
  readonly access: Access;
  readonly resource?: ResourceRef;
}

export interface Services {
  /** The organisation slug of a membership, or null when there is none with that id. */
  membershipOrganisation(id: string): Promise<string | null>;
  /** The organisation slug of an audited record, `{ system: true }` records give null. */
  recordOrganisation(recordType: string, recordId: string): Promise<string | null>;
  /** Appends an `access.refused` row; failures are logged, never shown. */
  auditRefused(
    auth: Auth,
    action: Action | 'signed-in',
    organisation: string | null,
    path: string,
  ): Promise<void>;
}

export interface Ctx {
  readonly db: DbHandle['db'];
  /** Today's date (`YYYY-MM-DD`, Europe/Oslo); a function so a long-running server moves on. */
  readonly today: () => string;
  /** No credentials came with the request, so a successful query may be cached publicly. */
  readonly anonymous: boolean;
  /** The clock sessions, throttling and publication use; injectable for tests. */
  readonly now: () => Date;
  /** The address sign-in throttling counts against (see auth/client-address.ts). */
  readonly clientAddress: string;
  readonly userAgent: string | null;
  /** Who the request's bearer token stands for (resolved once per request, on first use). */
  readonly auth: () => Promise<Auth>;
  readonly services: Services;
}

const t = initTRPC
  .context<Ctx>()
  .meta<Meta>()
  .create({
    isDev: false,
    errorFormatter: ({ shape, error }) => {
      const { stack: _stack, ...data } = shape.data;
      const issues = issuesOf(error);
      const internal = error.code === 'INTERNAL_SERVER_ERROR';
      const domain = error instanceof DomainError ? error : null;
      return {
        ...shape,
        message: internal ? GENERIC_MESSAGE : issues ? describeIssues(issues) : shape.message,
        data: { ...data, issues, tag: domain?.tag ?? null, ...(domain?.data ?? {}) },
      };
    },
  });

/** Maps whatever a procedure throws (domain tagged errors, db failures) to tRPC codes. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR' && result.error.cause) {
    throw toTRPCError(result.error.cause);
  }
  return result;
});

const field = (input: unknown, key: string | undefined): string | null => {
  if (key === undefined || typeof input !== 'object' || input === null) return null;
  const value = (input as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
};

const SYSTEM: Resource = { system: true };

/** The resource named by the (raw, not yet decoded) input; unknown records are `{ system }`. */
const resolveResource = async (
  ctx: Ctx,
  ref: ResourceRef | undefined,
  input: unknown,
): Promise<Resource> => {
  if (ref === undefined) return SYSTEM;
  let organisation: string | null = null;
  if (ref.input !== undefined) organisation = field(input, ref.input);
  else if (ref.membership !== undefined) {
    const id = field(input, ref.membership);
    organisation = id === null ? null : await ctx.services.membershipOrganisation(id);
  } else if (ref.record) {
    const type = field(input, 'recordType');
    const id = field(input, 'recordId');
    organisation =
      type === null || id === null ? null : await ctx.services.recordOrganisation(type, id);
  }
  return organisation === null ? SYSTEM : { organisation };
};

const actionOf = (declared: Action, ref: ResourceRef | undefined, input: unknown): Action => {
  const named = field(input, ref?.transition);
  return named !== null && (TRANSITIONS as readonly string[]).includes(named)
    ? actionFor(named as Transition)
    : declared;
};

/**
 * The access check every procedure goes through: `meta.access` is required (a procedure without
 * it is refused), and `{ action }` is checked with the domain's policy against the organisation
 * the input names. Refusals of known actors are written to the audit trail.
 */
const checkAccess = t.middleware(async ({ ctx, meta, path, getRawInput, next }) => {
  const access = meta?.access;
  if (access === undefined) {
    throw new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      message: GENERIC_MESSAGE,
      cause: new Error(`${path} declares no meta.access`),
    });
  }
  if (access === 'public') return next();
  const full = ctx;
  const auth = await full.auth();
  if (auth.actor.kind === 'anonymous') throw new NotSignedIn({});
  if (access === 'signed-in') {
    if (auth.actor.kind !== 'user') {
      await full.services.auditRefused(auth, 'signed-in', null, path);
      throw new Forbidden({});
    }
    return next();
  }
  const input = await getRawInput();
  const resource = await resolveResource(full, meta?.resource, input);
  const action = actionOf(access.action, meta?.resource, input);
  if (!can(auth.actor, action, resource)) {
    await full.services.auditRefused(
      auth,
      action,
      'organisation' in resource ? resource.organisation : null,
      path,
    );
    throw new Forbidden({ action });
  }
  return next();
});

export const router = t.router;
/** Every procedure starts here and declares `.meta({ access })`. */
export const procedure = t.procedure.use(mapErrors).use(checkAccess);
/** A procedure anyone may call (the foundation's public reads). */
export const publicProcedure = procedure.meta({ access: 'public' });
export const createCallerFactory = t.createCallerFactory;
