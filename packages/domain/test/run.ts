import { Result } from 'effect';

/** The typed failure of a rule's result; fails the test when the rule succeeded. */
export const failureOf = <A, E>(result: Result.Result<A, E>): E => {
  if (Result.isSuccess(result))
    throw new Error(`expected a failure, got ${String(result.success)}`);
  return result.failure;
};
