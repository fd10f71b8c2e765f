import type {
  CreatedToken,
  Me,
  SessionView,
  SignInResult,
  TokenView,
  UserView,
} from '@klimakommuner/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import * as accounts from '../auth/accounts.ts';
import { signIn } from '../auth/sessions.ts';
import {
  ById,
  ByIdVersion,
  ChangePassword,
  CreateToken,
  CreateUser,
  Nothing,
  SetRoles,
  SignIn,
} from '../inputs.ts';
import { procedure } from '../trpc.ts';

// Each procedure: decoded input → one service call → a value or a mapped error.

const signedIn = procedure.meta({ access: 'signed-in' });
const userManager = procedure.meta({ access: { action: 'user.manage' } });
const tokenManager = procedure.meta({ access: { action: 'token.manage' } });

export const auth = {
  signIn: procedure
    .meta({ access: 'public' })
    .input(SignIn)
    .mutation(async ({ ctx, input }): Promise<SignInResult> => {
      const result = await signIn(ctx.db, {
        email: input.email,
        password: input.password,
        clientAddress: ctx.clientAddress,
        userAgent: ctx.userAgent,
        now: ctx.now(),
      });
      return {
        token: result.token,
        expiresAt: result.expiresAt.toISOString(),
        user: await accounts.meOf(ctx.db, result.user, ctx.today()),
      };
    }),
  signOut: signedIn.input(Nothing).mutation(async ({ ctx }): Promise<{ ok: true }> => {
    await accounts.signOut(ctx.db, await ctx.auth(), ctx.now());
    return { ok: true };
  }),
  me: signedIn
    .input(Nothing)
    .query(async ({ ctx }): Promise<Me> => accounts.me(ctx.db, await ctx.auth(), ctx.today())),
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
      await accounts.changePassword(ctx.db, await ctx.auth(), input);
      return { ok: true };
    }),
} satisfies TRPCRouterRecord;

export const users = {
  list: userManager
    .input(Nothing)
    .query(({ ctx }): Promise<{ items: UserView[] }> => accounts.listUserViews(ctx.db)),
  create: userManager
    .input(CreateUser)
    .mutation(
      async ({ ctx, input }): Promise<UserView> =>
        accounts.createAccount(ctx.db, input, (await ctx.auth()).auditActor),
    ),
  setRoles: userManager
    .input(SetRoles)
    .mutation(
      async ({ ctx, input }): Promise<UserView> =>
        accounts.setRoles(ctx.db, input, (await ctx.auth()).auditActor),
    ),
  deactivate: userManager
    .input(ByIdVersion)
    .mutation(
      async ({ ctx, input }): Promise<UserView> =>
        accounts.setActive(ctx.db, input, false, (await ctx.auth()).auditActor),
    ),
  activate: userManager
    .input(ByIdVersion)
    .mutation(
      async ({ ctx, input }): Promise<UserView> =>
        accounts.setActive(ctx.db, input, true, (await ctx.auth()).auditActor),
    ),
} satisfies TRPCRouterRecord;

export const tokens = {
  list: tokenManager
    .input(Nothing)
    .query(({ ctx }): Promise<{ items: TokenView[] }> => accounts.listTokenViews(ctx.db)),
  create: tokenManager
    .input(CreateToken)
    .mutation(
      async ({ ctx, input }): Promise<CreatedToken> =>
        accounts.createToken(ctx.db, input, (await ctx.auth()).auditActor),
    ),
  revoke: tokenManager
    .input(ById)
    .mutation(
      async ({ ctx, input }): Promise<TokenView> =>
        accounts.revokeToken(ctx.db, input.id, (await ctx.auth()).auditActor),
    ),
} satisfies TRPCRouterRecord;
