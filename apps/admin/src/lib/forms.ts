/**
 * Reading the app's real `<form method="post">` forms in their form actions. Values are checked
 * with the domain's value schemas, the ones the API decodes them with; the form keeps its own
 * Norwegian wording next to the field.
 */
import { decodeValue, Uuid } from '@klimakommuner/domain';
import type { FieldErrors } from '@klimakommuner/ui/forms';
import { Result, type Schema } from 'effect';

export type { FieldErrors };

/** The 400 page's text for a form that was not sent from our page as it is now. */
export const INVALID_FORM = 'Ugyldig skjema. Last siden på nytt.';

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

/** Every value of a repeated field (checkboxes, rows), trimmed, in form order. */
export function texts(form: FormData, name: string): string[] {
  return form.getAll(name).flatMap((value) => (typeof value === 'string' ? [value.trim()] : []));
}

/** Markdown as typed: its whitespace kept, only the line endings the browser sends normalised. */
export function markdown(form: FormData, name: string): string {
  return raw(form, name).replace(/\r\n/g, '\n');
}

/** The version of the record the form was filled in from; null when missing or not a number. */
export function parseVersion(value: string): number | null {
  return /^\d{1,15}$/.test(value) ? Number(value) : null;
}

/** Whether `value` fits the domain's value schema. */
export const fits = (schema: Schema.ConstraintDecoder<unknown>, value: unknown): boolean =>
  Result.isSuccess(decodeValue(schema, value));

export const hasErrors = (errors: FieldErrors): boolean => Object.keys(errors).length > 0;

/** The record id (a UUID) and version a row's form carries; null when either is not. */
export function rowOf(form: FormData): { readonly id: string; readonly version: number } | null {
  const id = text(form, 'id');
  const version = parseVersion(text(form, 'version'));
  return fits(Uuid, id) && version !== null ? { id, version } : null;
}
