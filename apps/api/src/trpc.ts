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
  type Status,
  type Transition,
  editAction,
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
 * - `project`: the input field holding a project slug, whose owner organisation is loaded first;
 * - `participation` / `person`: the input field holding that record's id, likewise;
 * - `transition`: the input field naming a workflow transition; the action checked is then
 *   `actionFor(transition)` rather than the declared one (which is the least any transition needs);
 * - `edit`: with `project`, the action checked is `editAction(the project's workflow status)`
 *   (editing a published project needs more than editing a draft);
 * - `alsoInput`: an input field naming the organisation a record moves to; the action must be
 *   allowed there too (absent or null: `{ system: true }`, admin only).
 */
export interface ResourceRef {
  readonly input?: string;
  readonly membership?: string;
  readonly record?: true;
  readonly project?: string;
  readonly participation?: string;
  readonly person?: string;
  readonly transition?: string;
  readonly edit?: true;
  readonly alsoInput?: string;
}

export interface Meta {
  readonly access: Access;
  readonly resource?: ResourceRef;
}

export interface Services {
  /** The organisation slug of a membership, or null when there is none with that id. */
  membershipOrganisation(id: string): Promise<string | null>;
  /** The slug of a project's owner organisation (any workflow status), or null. */
  projectOrganisation(slug: string): Promise<string | null>;
  /** A project's workflow status, or null when there is no such project. */
  projectStatus(slug: string): Promise<Status | null>;
  /** The organisation owning the project of a participation, or null. */
  participationOrganisation(id: string): Promise<string | null>;
  /** The organisation a person belongs to; null for none or an unknown id. */
  personOrganisation(id: string): Promise<string | null>;
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

const resourceOf = (organisation: string | null): Resource =>
  organisation === null ? SYSTEM : { organisation };

/**
 * What the access check allows: the action (the declared one, or the one a transition or the
 * project's status calls for) on each resource the raw (not yet decoded) input names. Unknown
 * records are `{ system }`, so only an admin gets past them, to the procedure's NOT_FOUND.
 */
const resolveAccess = async (
  ctx: Ctx,
  declared: Action,
  ref: ResourceRef | undefined,
  input: unknown,
): Promise<{ action: Action; resources: readonly Resource[] }> => {
  if (ref === undefined) return { action: declared, resources: [SYSTEM] };
  let action = declared;
  let organisation: string | null = null;
  const id = (key: string) => field(input, key);
  if (ref.input !== undefined) organisation = id(ref.input);
  else if (ref.membership !== undefined) {
    const value = id(ref.membership);
    organisation = value === null ? null : await ctx.services.membershipOrganisation(value);
  } else if (ref.project !== undefined) {
    const slug = id(ref.project);
    if (slug !== null) {
      const [owner, status] = await Promise.all([
        ctx.services.projectOrganisation(slug),
        ref.edit ? ctx.services.projectStatus(slug) : null,
      ]);
      organisation = owner;
      if (status !== null) action = editAction(status);
    }
  } else if (ref.participation !== undefined) {
    const value = id(ref.participation);
    organisation = value === null ? null : await ctx.services.participationOrganisation(value);
  } else if (ref.person !== undefined) {
    const value = id(ref.person);
    organisation = value === null ? null : await ctx.services.personOrganisation(value);
  } else if (ref.record) {
    const type = id('recordType');
    const recordId = id('recordId');
    organisation =
      type === null || recordId === null
        ? null
        : await ctx.services.recordOrganisation(type, recordId);
  }
  const named = field(input, ref.transition);
  if (named !== null && (TRANSITIONS as readonly string[]).includes(named)) {
    action = actionFor(named as Transition);
  }
  const resources = [resourceOf(organisation)];
  if (ref.alsoInput !== undefined) resources.push(resourceOf(id(ref.alsoInput)));
  return { action, resources };
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
  const { action, resources } = await resolveAccess(full, access.action, meta?.resource, input);
  const refused = resources.find((resource) => !can(auth.actor, action, resource));
  if (refused !== undefined) {
    await full.services.auditRefused(
      auth,
      action,
      'organisation' in refused ? refused.organisation : null,
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
