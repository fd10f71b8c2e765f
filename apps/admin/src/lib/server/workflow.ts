import type { Transition } from '@klimakommuner/domain';
import { type ActionFailure, error, fail, redirect } from '@sveltejs/kit';
import type { Confirmation } from '#lib/confirm.ts';
import { formatTimestamp } from '#lib/format.ts';
import { tagOf } from '#lib/failures.ts';
import { type FieldErrors, hasErrors, INVALID_FORM } from '#lib/forms.ts';
import { readTransition } from '#lib/transition-form.ts';
import { type ApiClient, attempt, FORBIDDEN_MESSAGE } from './api.ts';
import { type AskFirst, askFirst, isConfirmed } from './confirm.ts';

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
    /**
     * What the transition does, when it must be confirmed first (publish, unpublish, archive);
     * `when` is the chosen «Publiser fra», written out. Null for the others.
     */
    confirmation: (transition: Transition, when: string | null) => Promise<Confirmation | null>;
    /**
     * For a refusal with this domain error tag, what the saved record lacks, as messages at the
     * fields to fill (e.g. a publish refused for want of a theme). When there are any, they take
     * the place of the API's one message.
     */
    lacking?: (tag: string) => Promise<FieldErrors>;
  },
): Promise<ActionFailure<TransitionFailure> | AskFirst> {
  const form = await event.request.formData();
  const request = readTransition(form);
  if (request === null) error(400, INVALID_FORM);
  const { transition, version, publishAt, publishAtLocal, publishAtError } = request;
  if (!options.mayUse(transition, form)) error(403, FORBIDDEN_MESSAGE);
  if (publishAtError) {
    return fail(400, {
      kind: 'status',
      publishAt: publishAtLocal,
      errors: { publishAt: publishAtError },
      message: null,
    });
  }

  if (!isConfirmed(form)) {
    const when = publishAt ? formatTimestamp(publishAt) : null;
    const asked = await options.confirmation(transition, when);
    if (asked !== null) return askFirst(event, form, asked);
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
  const lacks =
    publishAtIssue || !options.lacking ? {} : await options.lacking(tagOf(result.failure));
  return fail(result.failure.code === 'CONFLICT' ? 409 : 422, {
    kind: 'status',
    publishAt: publishAtLocal,
    errors: publishAtIssue ? { publishAt: publishAtIssue.message } : lacks,
    message: publishAtIssue || hasErrors(lacks) ? null : message,
  });
}
