/** Helpers for the app's real `<form method="post">` forms and their form actions. */

export interface FieldError {
  /** The id of the field, so the error summary can link to it. */
  readonly field: string;
  readonly message: string;
}

export type FieldErrors = Record<string, string>;

/** A text value from a submitted form, trimmed; '' when missing. */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** A value exactly as typed (passwords are never trimmed). */
export function raw(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export function toSummary(errors: FieldErrors | undefined): FieldError[] {
  return Object.entries(errors ?? {}).map(([field, message]) => ({ field, message }));
}

/**
 * Field errors from an API BAD_REQUEST: each issue's first path segment is an input name,
 * mapped to the id of the form field that holds it.
 */
export function errorsFromIssues(
  issues: ReadonlyArray<{ readonly path: readonly string[]; readonly message: string }>,
  fields: Record<string, string>,
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

export function parseVersion(value: string): number | null {
  return /^\d{1,15}$/.test(value) ? Number(value) : null;
}

/** Every value of a repeated field (checkboxes, rows), trimmed, in form order. */
export function texts(form: FormData, name: string): string[] {
  return form.getAll(name).flatMap((value) => (typeof value === 'string' ? [value.trim()] : []));
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a `YYYY-MM-DD` value names a real day. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
