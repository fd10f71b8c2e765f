/** A form's errors by field id: each message sits next to its field and in the error summary. */
export type FieldErrors = Record<string, string>;

/** The problems of a failed form in field order, each linking to its field. */
export const errorList = (
  errors: FieldErrors | undefined,
): { readonly field: string; readonly message: string }[] =>
  Object.entries(errors ?? {}).map(([field, message]) => ({ field, message }));

/** The `aria-describedby` of a field: its description and its error, when there are any. */
export const describedBy = (
  id: string,
  description: string | undefined,
  error: string | undefined,
): string | undefined =>
  [description ? `${id}-beskrivelse` : null, error ? `${id}-feil` : null]
    .filter(Boolean)
    .join(' ') || undefined;

/**
 * What a form shows: the values as typed (by input name) and the errors (by field id). A field
 * given `form` takes its value and error from it, so a page writes each field once.
 */
export interface FormState {
  readonly values?: object | null | undefined;
  readonly errors?: FieldErrors | undefined;
}

/** The value of input `name` in the form's values: text as it is, anything else as ''. */
export const formValue = (form: FormState | undefined, name: string): string | undefined => {
  const value = (form?.values as Readonly<Record<string, unknown>> | null | undefined)?.[name];
  return value === undefined ? undefined : typeof value === 'string' ? value : '';
};

/** The values of a repeated input `name` (checkboxes) in the form's values. */
export const formValues = (form: FormState | undefined, name: string): readonly string[] => {
  const value = (form?.values as Readonly<Record<string, unknown>> | null | undefined)?.[name];
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
};
