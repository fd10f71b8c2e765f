import type { DbHandle } from '@klimakommuner/db';
import { initTRPC } from '@trpc/server';
import { DomainError, describeIssues, GENERIC_MESSAGE, issuesOf, toTRPCError } from './errors.ts';

export interface Ctx {
  readonly db: DbHandle['db'];
  /** Today's date (`YYYY-MM-DD`, Europe/Oslo); a function so a long-running server moves on. */
  readonly today: () => string;
  /** No credentials came with the request, so a successful query may be cached publicly. */
  readonly anonymous: boolean;
}

const t = initTRPC.context<Ctx>().create({
  isDev: false,
  errorFormatter: ({ shape, error }) => {
    const { stack: _stack, ...data } = shape.data;
    const issues = issuesOf(error);
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      message: internal ? GENERIC_MESSAGE : issues ? describeIssues(issues) : shape.message,
      data: { ...data, issues, tag: error instanceof DomainError ? error.tag : null },
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

export const router = t.router;
export const publicProcedure = t.procedure.use(mapErrors);
export const createCallerFactory = t.createCallerFactory;
