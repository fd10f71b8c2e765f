import {
  auditHistory,
  listApiTokens,
  listAudit,
  listUsers,
  revokeApiToken,
  setUserActive,
  setUserRoles,
} from '@klimakommuner/db';
import {
  type AuditEntry,
  type Me,
  type Page,
  readableHistory,
  type SessionView,
  type SignInResult,
} from '@klimakommuner/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { ById, Nothing } from '../content/inputs.ts';
import { paged, writing } from '../content/results.ts';
import { procedure } from '../trpc.ts';
import * as accounts from './accounts.ts';
import {
  AuditHistory,
  AuditList,
  ByIdVersion,
  ChangePassword,
  CreateToken,
  CreateUser,
  SetRoles,
  SignIn,
} from './inputs.ts';
import { signIn } from './sessions.ts';
import { tokenView, userView } from './views.ts';

// Each procedure: decoded input → one call (a repository, or an account flow that hashes and
// throttles) → a value or a mapped error.

const signedIn = procedure.meta({ access: 'signed-in' });
const userManager = procedure.meta({ access: { action: 'user.manage' } });
const tokenManager = procedure.meta({ access: { action: 'token.manage' } });

export const auth = {
  signIn: procedure
    .meta({ access: 'public' })
    .input(SignIn)
    .mutation(async ({ ctx, input }): Promise<SignInResult> => {
      const result = await signIn(
        ctx.db,
        {
          email: input.email,
          password: input.password,
          clientAddress: ctx.clientAddress,
          userAgent: ctx.userAgent,
          now: ctx.now(),
        },
        ctx.verifyPassword,
      );
      return {
        token: result.token,
        expiresAt: result.expiresAt.toISOString(),
        user: await accounts.meOf(ctx.db, result.user),
      };
    }),
  signOut: signedIn.input(Nothing).mutation(async ({ ctx }): Promise<{ ok: true }> => {
    await accounts.signOut(ctx.db, await ctx.auth(), ctx.now());
    return { ok: true };
  }),
  me: signedIn
    .input(Nothing)
    .query(async ({ ctx }): Promise<Me> => accounts.me(ctx.db, await ctx.auth())),
  sessions: signedIn
    .input(Nothing)
    .query(
      async ({ ctx }): Promise<{ items: SessionView[] }> =>
        accounts.sessions(ctx.db, await ctx.auth(), ctx.now()),
    ),
  endSession: signedIn.input(ById).mutation(async ({ ctx, input }): Promise<{ ok: true }> => {
    await accounts.endOwnSession(ctx.db, await ctx.auth(), input.id, ctx.now());
    return { ok: true };
  }),
  changePassword: signedIn
    .input(ChangePassword)
    .mutation(async ({ ctx, input }): Promise<{ ok: true }> => {
      await accounts.changePassword(ctx.db, await ctx.auth(), input, {
        clientAddress: ctx.clientAddress,
        now: ctx.now(),
        verify: ctx.verifyPassword,
      });
      return { ok: true };
    }),
} satisfies TRPCRouterRecord;

/** The resolver of a mutation that activates or deactivates a user at a version. */
const settingActive = (active: boolean) =>
  writing(
    (db, input: { id: string; version: number }, actor) =>
      setUserActive(db, { ...input, active }, actor),
    { view: userView },
  );

export const users = {
  list: userManager
    .input(Nothing)
    .query(async ({ ctx }) => ({ items: (await listUsers(ctx.db)).map(userView) })),
  // The password policy and the hashing first (accounts.ts), then the one write.
  create: userManager
    .input(CreateUser)
    .mutation(async ({ ctx, input }) =>
      accounts.createAccount(ctx.db, input, (await ctx.auth()).auditActor),
    ),
  setRoles: userManager.input(SetRoles).mutation(writing(setUserRoles, { view: userView })),
  deactivate: userManager.input(ByIdVersion).mutation(settingActive(false)),
  activate: userManager.input(ByIdVersion).mutation(settingActive(true)),
} satisfies TRPCRouterRecord;

export const tokens = {
  list: tokenManager
    .input(Nothing)
    .query(async ({ ctx }) => ({ items: (await listApiTokens(ctx.db)).map(tokenView) })),
  // The token is made and hashed first (accounts.ts); it is in the answer once, stored hashed.
  create: tokenManager
    .input(CreateToken)
    .mutation(async ({ ctx, input }) =>
      accounts.createToken(ctx.db, input, (await ctx.auth()).auditActor),
    ),
  revoke: tokenManager
    .input(ById)
    .mutation(writing((db, { id }, actor) => revokeApiToken(db, id, actor), { view: tokenView })),
} satisfies TRPCRouterRecord;

export const audit = {
  // Row by row as the actor may read it (the domain's readableHistory).
  history: procedure
    .meta({ access: { action: 'history.read' }, resource: { record: true } })
    .input(AuditHistory)
    .query(
      async ({ ctx, input }): Promise<Page<AuditEntry>> => ({
        items: readableHistory(
          (await ctx.auth()).actor,
          await auditHistory(ctx.db, input.recordType, input.recordId),
        ),
        nextCursor: null,
      }),
    ),
  list: procedure
    .meta({ access: { action: 'audit.read-all' } })
    .input(AuditList)
    .query(({ ctx, input }): Promise<Page<AuditEntry>> => {
      const { limit, cursor, ...filter } = input ?? {};
      return paged(listAudit(ctx.db, filter, limit ?? 50, cursor));
    }),
} satisfies TRPCRouterRecord;
