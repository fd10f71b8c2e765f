import type { DbHandle } from '@klimakommuner/db';
import {
  type Access,
  type Action,
  type Actor,
  type AuditActor,
  actionFor,
  can,
  editAction,
  Forbidden,
  isStorableText,
  NotSignedIn,
  type Resource,
  type Status,
  TRANSITIONS,
  type Transition,
} from '@klimakommuner/domain';
import { initTRPC, TRPCError } from '@trpc/server';
import type { VerifyPassword } from './access/attempts.ts';
import {
  DomainError,
  describeIssues,
  frameworkMessage,
  GENERIC_MESSAGE,
  issuesOf,
  toTRPCError,
} from './errors.ts';

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
 * - `record`: audit.history's `{ recordType, recordId }`: the organisations its rows are filed
 *   under are loaded first, and the actor needs the action in one of them (the procedure then
 *   shows only the rows the actor may read, each by its own organisation);
 * - `project`: the input field holding a project slug, whose owner organisation is loaded first;
 * - `libraryResource`: likewise for a resource of the library (its slug);
 * - `event`: likewise for an event (its slug; its organiser organisation);
 * - `article`: likewise for a news article (its slug; the publisher is its organisation);
 * - `participation` / `person`: the input field holding that record's id, likewise;
 * - `transition`: the input field naming a workflow transition; the action checked is then
 *   `actionFor(transition)` rather than the declared one (which is the least any transition needs);
 * - `edit`: with `project` or `libraryResource`, the action checked is `editAction(its workflow status)`
 *   (editing a published project needs more than editing a draft);
 * - `alsoInput`: an input field naming the organisation a record moves to; the action must be
 *   allowed there too (absent or null: `{ system: true }`, admin only).
 */
export interface ResourceRef {
  readonly input?: string;
  readonly membership?: string;
  readonly record?: true;
  readonly project?: string;
  readonly libraryResource?: string;
  readonly event?: string;
  readonly article?: string;
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
  /** The slug of a resource's owner organisation (any workflow status), or null. */
  resourceOrganisation(slug: string): Promise<string | null>;
  /** A resource's workflow status, or null when there is no such resource. */
  resourceStatus(slug: string): Promise<Status | null>;
  /** The slug of an event's organiser organisation (any workflow status), or null. */
  eventOrganisation(slug: string): Promise<string | null>;
  /** An event's workflow status, or null when there is no such event. */
  eventStatus(slug: string): Promise<Status | null>;
  /** The slug of an article's publisher (any workflow status), or null. */
  articleOrganisation(slug: string): Promise<string | null>;
  /** An article's workflow status, or null when there is no such article. */
  articleStatus(slug: string): Promise<Status | null>;
  /** The organisation owning the project of a participation, or null. */
  participationOrganisation(id: string): Promise<string | null>;
  /** The organisation a person belongs to; null for none or an unknown id. */
  personOrganisation(id: string): Promise<string | null>;
  /**
   * The organisations an audited record's rows are filed under, the latest first (null: the
   * system's). An organisation record is its own.
   */
  recordOrganisations(recordType: string, recordId: string): Promise<(string | null)[]>;
  /**
   * Appends an `access.refused` row, filed under the organisation the call concerned. Failures
   * are logged, never shown; an unreachable database is the answer (503) instead.
   */
  auditRefused(refusal: {
    auth: Auth;
    action: Action | 'signed-in';
    organisation: string | null;
    path: string;
    clientAddress: string;
  }): Promise<void>;
}

export interface Ctx {
  readonly db: DbHandle['db'];
  /** Today's date (`YYYY-MM-DD`, Europe/Oslo); a function so a long-running server moves on. */
  readonly today: () => string;
  /** No credentials came with the request, so a successful query may be cached publicly. */
  readonly anonymous: boolean;
  /** The clock sessions, throttling and publication use; injectable for tests. */
  readonly now: () => Date;
  /** The address sign-in throttling counts against (see access/client-address.ts). */
  readonly clientAddress: string;
  readonly userAgent: string | null;
  /** Checks a password against its hash (argon2id; tests count the calls). */
  readonly verifyPassword: VerifyPassword;
  /** Who the request's bearer token stands for (resolved once per request, on first use). */
  readonly auth: () => Promise<Auth>;
  readonly services: Services;
  /**
   * Called after every successful mutation: reads the content version now, so that this
   * process's caches drop what the write changed before its answer goes out (the other
   * processes hear of it through the database's notification).
   */
  readonly contentWritten: () => Promise<void>;
  /**
   * Set by the access check for an edit: the workflow status its action was chosen by, which the
   * write then holds to (packages/db content/versioned.ts, decidedOn). Per call, not per request.
   */
  readonly decidedOn?: Status | undefined;
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
        message: internal
          ? GENERIC_MESSAGE
          : issues
            ? describeIssues(issues)
            : domain
              ? shape.message
              : frameworkMessage(error),
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

/**
 * A string field of the raw (not yet decoded) input, for the access check's lookups; text the
 * database cannot take (NUL, lone surrogates) names no record, so the schema refuses it later.
 */
const field = (input: unknown, key: string | undefined): string | null => {
  if (key === undefined || typeof input !== 'object' || input === null) return null;
  const value = (input as Record<string, unknown>)[key];
  return typeof value === 'string' && isStorableText(value) ? value : null;
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
  actor: Actor,
  declared: Action,
  ref: ResourceRef | undefined,
  input: unknown,
): Promise<{ action: Action; resources: readonly Resource[]; decidedOn?: Status }> => {
  if (ref === undefined) return { action: declared, resources: [SYSTEM] };
  let action = declared;
  // The workflow status an edit's action was chosen by (editAction), for the write to hold to.
  let decidedOn: Status | undefined;
  let organisation: string | null = null;
  const id = (key: string) => field(input, key);
  // A content record named by its slug: its owner, and for an edit (`ref.edit`) the action its
  // workflow status calls for.
  const owned = async (
    slug: string | null,
    ownerOf: (slug: string) => Promise<string | null>,
    statusOf: (slug: string) => Promise<Status | null>,
  ) => {
    if (slug === null) return;
    const [owner, status] = await Promise.all([ownerOf(slug), ref.edit ? statusOf(slug) : null]);
    organisation = owner;
    if (status !== null) {
      action = editAction(status);
      decidedOn = status;
    }
  };
  if (ref.input !== undefined) organisation = id(ref.input);
  else if (ref.membership !== undefined) {
    const value = id(ref.membership);
    organisation = value === null ? null : await ctx.services.membershipOrganisation(value);
  } else if (ref.project !== undefined) {
    await owned(
      id(ref.project),
      (slug) => ctx.services.projectOrganisation(slug),
      (slug) => ctx.services.projectStatus(slug),
    );
  } else if (ref.libraryResource !== undefined) {
    await owned(
      id(ref.libraryResource),
      (slug) => ctx.services.resourceOrganisation(slug),
      (slug) => ctx.services.resourceStatus(slug),
    );
  } else if (ref.event !== undefined) {
    await owned(
      id(ref.event),
      (slug) => ctx.services.eventOrganisation(slug),
      (slug) => ctx.services.eventStatus(slug),
    );
  } else if (ref.article !== undefined) {
    await owned(
      id(ref.article),
      (slug) => ctx.services.articleOrganisation(slug),
      (slug) => ctx.services.articleStatus(slug),
    );
  } else if (ref.participation !== undefined) {
    const value = id(ref.participation);
    organisation = value === null ? null : await ctx.services.participationOrganisation(value);
  } else if (ref.person !== undefined) {
    const value = id(ref.person);
    organisation = value === null ? null : await ctx.services.personOrganisation(value);
  } else if (ref.record) {
    const type = id('recordType');
    const recordId = id('recordId');
    const owners =
      type === null || recordId === null
        ? []
        : await ctx.services.recordOrganisations(type, recordId);
    // One the actor may read, else the latest (a refusal is filed under that one).
    organisation = owners.find((o) => can(actor, action, resourceOf(o))) ?? owners[0] ?? null;
  }
  const named = field(input, ref.transition);
  if (named !== null && (TRANSITIONS as readonly string[]).includes(named)) {
    action = actionFor(named as Transition);
  }
  const resources = [resourceOf(organisation)];
  if (ref.alsoInput !== undefined) resources.push(resourceOf(id(ref.alsoInput)));
  return { action, resources, ...(decidedOn === undefined ? {} : { decidedOn }) };
};

/**
 * The access check every procedure goes through: `meta.access` is required (a procedure without
 * it is refused), and `{ action }` is checked with the domain's policy against the organisation
 * the input names. Every refusal, anonymous ones included, is written to the audit trail, filed
 * under the organisation the call concerned. Access is decided before anything is looked up for
 * the procedure itself (docs/decisions/0005-access-before-existence.md).
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
  if (access === 'public') return next({ ctx: { decidedOn: undefined } });
  const auth = await ctx.auth();
  const anonymous = auth.actor.kind === 'anonymous';
  const refuse = async (action: Action | 'signed-in', organisation: string | null) => {
    const { clientAddress } = ctx;
    await ctx.services.auditRefused({ auth, action, organisation, path, clientAddress });
    const detail = action === 'signed-in' ? {} : { action };
    return anonymous ? new NotSignedIn(detail) : new Forbidden(detail);
  };
  if (access === 'signed-in') {
    if (auth.actor.kind !== 'user') throw await refuse('signed-in', null);
    return next({ ctx: { decidedOn: undefined } });
  }
  // Input that cannot even be read (not JSON, too large) names no resource, and says nothing of
  // any: a signed-in caller is told so, rather than refused; anyone else is refused alike.
  // Allowed callers get the BAD_REQUEST from decoding input that is read but not valid.
  const raw = await getRawInput().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (!raw.ok && auth.actor.kind === 'user') throw raw.error;
  const input = raw.ok ? raw.value : undefined;
  const { action, resources, decidedOn } = await resolveAccess(
    ctx,
    auth.actor,
    access.action,
    meta?.resource,
    input,
  );
  const refused = resources.find((resource) => !can(auth.actor, action, resource));
  if (refused !== undefined) {
    throw await refuse(action, 'organisation' in refused ? refused.organisation : null);
  }
  return next({ ctx: { decidedOn } });
});

/**
 * Every mutation, whichever procedure: once it succeeded, this process learns the new content
 * version before answering (docs/decisions/0024-content-version-invalidates-every-cache.md).
 */
const announceWrites = t.middleware(async ({ ctx, type, next }) => {
  const result = await next();
  if (type === 'mutation' && result.ok) await ctx.contentWritten();
  return result;
});

export const router = t.router;
/** Every procedure starts here and declares `.meta({ access })`. */
export const procedure = t.procedure.use(mapErrors).use(announceWrites).use(checkAccess);
/** A procedure anyone may call (the foundation's public reads). */
export const publicProcedure = procedure.meta({ access: 'public' });
export const createCallerFactory = t.createCallerFactory;
