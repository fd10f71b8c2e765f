import { type Transition, TRANSITIONS } from '@klimakommuner/domain';
import { type ActionFailure, error, fail, redirect } from '@sveltejs/kit';
import { fromOsloLocal } from '#lib/datetime.ts';
import { type FieldErrors, parseVersion, text } from '#lib/forms.ts';
import { type ApiClient, attempt, FORBIDDEN_MESSAGE } from './api.ts';

/** What the API's `transition` procedures take. */
export interface TransitionInput {
  slug: string;
  version: number;
  transition: Transition;
  publishAt?: string;
}

/** What a failed status change gives back to the page's workflow panel. */
export interface TransitionFailure {
  kind: 'status';
  publishAt: string;
  errors: FieldErrors;
  message: string | null;
}

type Event = Parameters<typeof attempt>[0];

/**
 * The `?/status` form action shared by every page with a workflow panel: reads the transition,
 * version and optional «Publiser fra» time from the form, checks access, runs the transition and
 * sends the editor to `done` or back to the form with the publishAt error or the API's message.
 */
export async function transitionAction(
  event: Event,
  options: {
    slug: string;
    /** Whether the signed-in editor may use the transition; false is a 403. */
    mayUse: (transition: Transition, form: FormData) => boolean;
    run: (client: ApiClient, input: TransitionInput) => Promise<unknown>;
    done: string;
  },
): Promise<ActionFailure<TransitionFailure>> {
  const form = await event.request.formData();
  const transition = text(form, 'transition') as Transition;
  const version = parseVersion(text(form, 'version'));
  const publishAtLocal = text(form, 'publishAt');
  if (!TRANSITIONS.includes(transition) || version === null)
    error(400, 'Ugyldig skjema. Last siden på nytt.');
  if (!options.mayUse(transition, form)) error(403, FORBIDDEN_MESSAGE);

  let publishAt: string | undefined;
  if (transition === 'publish' && publishAtLocal !== '') {
    const parsed = fromOsloLocal(publishAtLocal);
    if (parsed === null) {
      return fail(400, {
        kind: 'status',
        publishAt: publishAtLocal,
        errors: { publishAt: 'Skriv dato og klokkeslett, for eksempel 01.03.2026 kl. 08:00.' },
        message: null,
      });
    }
    publishAt = parsed;
  }

  const input: TransitionInput = {
    slug: options.slug,
    version,
    transition,
    ...(publishAt ? { publishAt } : {}),
  };
  const result = await attempt(event, (client) => options.run(client, input));
  if (result.ok) redirect(303, options.done);
  const { issues, message } = result.failure;
  const publishAtIssue = issues.find((issue) => issue.path[0] === 'publishAt');
  return fail(result.failure.code === 'CONFLICT' ? 409 : 422, {
    kind: 'status',
    publishAt: publishAtLocal,
    errors: publishAtIssue ? { publishAt: publishAtIssue.message } : {},
    message: publishAtIssue ? null : message,
  });
}
