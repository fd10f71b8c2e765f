import { Effect, Result } from 'effect';

/** Runs a pure domain effect and returns its success or its typed failure. */
export const run = <A, E>(effect: Effect.Effect<A, E>): Result.Result<A, E> =>
  Effect.runSync(Effect.result(effect));

export const failureOf = <A, E>(effect: Effect.Effect<A, E>): E => {
  const result = run(effect);
  if (Result.isSuccess(result))
    throw new Error(`expected a failure, got ${String(result.success)}`);
  return result.failure;
};
