import { AsyncLocalStorage } from 'node:async_hooks';
import type { KyselyPlugin } from 'kysely';

// How many SQL statements a piece of work sends: every database openDatabase opens carries
// `statementCounter`, which adds each statement it executes to the scope `countStatements`
// opened (an AsyncLocalStorage, so concurrent scopes do not mix and work outside any scope costs
// one lookup). The tests hold each read to its budget (docs/architecture.md «Statement budget»).

/** What one scope sent: how many statements, and of which kind (SelectQueryNode, …). */
export interface StatementTally {
  count: number;
  readonly kinds: string[];
}

const scope = new AsyncLocalStorage<StatementTally>();

// A statement counts when its result arrives (transformResult runs once per executed statement);
// transformQuery also runs for each subquery built on a Kysely instance, so it only notes kinds.
const kindOf = new WeakMap<object, string>();

export const statementCounter: KyselyPlugin = {
  transformQuery: ({ node, queryId }) => {
    if (scope.getStore() !== undefined) kindOf.set(queryId, node.kind);
    return node;
  },
  transformResult: async ({ result, queryId }) => {
    const tally = scope.getStore();
    if (tally !== undefined) {
      tally.count++;
      tally.kinds.push(kindOf.get(queryId) ?? 'RawNode');
    }
    return result;
  },
};

/** Runs `work` in a scope of its own and says how many statements it sent. */
export const countStatements = async <T>(
  work: () => Promise<T>,
): Promise<{ readonly result: T; readonly statements: number; readonly kinds: string[] }> => {
  const tally: StatementTally = { count: 0, kinds: [] };
  const result = await scope.run(tally, work);
  return { result, statements: tally.count, kinds: tally.kinds };
};

/**
 * Runs `work` outside every counting scope: background work a request only set off (a refresh of
 * derived rows) is not the request's own.
 */
export const uncounted = <T>(work: () => T): T => scope.exit(work);

export class StatementBudgetExceeded extends Error {
  override readonly name = 'StatementBudgetExceeded';
}

/** `work`'s result; throws StatementBudgetExceeded when it sent more than `budget` statements. */
export const withinStatementBudget = async <T>(
  budget: number,
  work: () => Promise<T>,
  what = 'the work',
): Promise<T> => {
  const { result, statements, kinds } = await countStatements(work);
  if (statements > budget) {
    throw new StatementBudgetExceeded(
      `${what} sent ${statements} statements (budget ${budget}): ${kinds.join(', ')}`,
    );
  }
  return result;
};
