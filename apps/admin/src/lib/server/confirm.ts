import type { RequestEvent } from '@sveltejs/kit';
import { CONFIRMED_FIELD, type Confirmation, type ConfirmRequest } from '#lib/confirm.ts';
import type { FieldErrors } from '#lib/forms.ts';

/** The action's answer while the editor has not confirmed (see +layout.svelte). */
export interface AskFirst {
  readonly kind: 'confirm';
  readonly errors: FieldErrors;
  readonly confirm: ConfirmRequest;
}

export function isConfirmed(form: FormData): boolean {
  return form.get(CONFIRMED_FIELD) === 'ja';
}

/**
 * Without JavaScript the form arrives unconfirmed: answer with a confirmation page that says
 * what will happen and sends the same fields again. With JavaScript the dialog has asked already
 * and the form carries `bekreftet=ja`.
 */
export function askFirst(
  event: Pick<RequestEvent, 'url'>,
  form: FormData,
  confirmation: Confirmation,
): AskFirst {
  const fields = [...form.entries()].flatMap(([name, value]) =>
    name !== CONFIRMED_FIELD && typeof value === 'string' ? [[name, value] as const] : [],
  );
  return {
    kind: 'confirm',
    errors: {},
    confirm: {
      ...confirmation,
      action: `${event.url.pathname}${event.url.search}`,
      fields,
      cancelHref: event.url.pathname,
    },
  };
}
