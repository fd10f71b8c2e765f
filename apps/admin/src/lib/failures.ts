/**
 * The API's refusals as a form action receives them (describeFailure in server/api.ts), and where
 * on the form each belongs.
 */
import type { FieldErrors } from './forms.ts';

export interface ApiFailure {
  readonly code: string | null;
  readonly message: string;
  /** BAD_REQUEST: one issue per field, at the path of the input it is about. */
  readonly issues: ReadonlyArray<{ readonly path: readonly string[]; readonly message: string }>;
  readonly data: Record<string, unknown>;
}

/** The domain error's tag (e.g. 'ProjectDatesInvalid'), or '' when the refusal has none. */
export const tagOf = (failure: ApiFailure): string =>
  typeof failure.data.tag === 'string' ? failure.data.tag : '';

/**
 * Field errors from an API BAD_REQUEST: each issue's first path segment is an input name,
 * mapped to the id of the form field that holds it; the first message per field wins.
 */
export function errorsFromIssues(
  issues: ApiFailure['issues'],
  fields: Readonly<Record<string, string>>,
  fallbackField: string,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path[0];
    const field = (key !== undefined && fields[key]) || fallbackField;
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The field errors of a refusal: its issues by field, or its one message at `fallbackField`. */
export function failureErrors(
  failure: ApiFailure,
  fields: Readonly<Record<string, string>>,
  fallbackField: string,
): FieldErrors {
  return failure.issues.length > 0
    ? errorsFromIssues(failure.issues, fields, fallbackField)
    : { [fallbackField]: failure.message };
}
