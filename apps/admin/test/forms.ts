// What the unit tests of src/lib build forms and API refusals with.
import type { ApiFailure } from '../src/lib/failures.ts';

/** A submitted form with these fields, in this order (a name may repeat). */
export const formOf = (entries: Record<string, string> | readonly [string, string][]): FormData => {
  const form = new FormData();
  for (const [name, value] of Array.isArray(entries) ? entries : Object.entries(entries)) {
    form.append(name, value);
  }
  return form;
};

/** A refusal as describeFailure gives it: a broken rule unless told otherwise. */
export const refusal = (over: Partial<ApiFailure> = {}): ApiFailure => ({
  code: 'UNPROCESSABLE_CONTENT',
  message: 'Nei.',
  issues: [],
  data: {},
  ...over,
});
