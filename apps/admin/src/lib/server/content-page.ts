import { actionFor, isPublic, type Status } from '@klimakommuner/domain';
import { error, fail, redirect } from '@sveltejs/kit';
import { type Confirmation, transitionConfirmation } from '#lib/confirm.ts';
import type { ApiFailure } from '#lib/failures.ts';
import { type FieldErrors, hasErrors, INVALID_FORM, parseVersion, text } from '#lib/forms.ts';
import { mayIn } from '#lib/policy.ts';
import { type ApiClient, attempt, FORBIDDEN_MESSAGE } from './api.ts';
import { askFirst, isConfirmed } from './confirm.ts';
import { type TransitionInput, transitionAction } from './workflow.ts';

/**
 * What the edit pages of the content kinds (projects, resources, articles, events) do the same
 * way: save with the version the form was filled in from (a conflict shows the stored record
 * beside what was typed), change the workflow status from the panel, and delete after asking.
 * Each page keeps its own form, its choices and its upload round.
 */

type Event = Parameters<typeof attempt>[0] & {
  readonly request: Request;
  readonly locals: App.Locals;
};

/** The version the form was filled in from; a 400 page without one. */
export function versionOf(form: FormData): number {
  const version = parseVersion(text(form, 'version'));
  if (version === null) error(400, INVALID_FORM);
  return version;
}

/** A stored record as the status panel and the delete question name it. */
interface Stored {
  readonly title: string;
  readonly version: number;
  readonly workflowStatus: Status;
  readonly publishAt: string | null;
}

/** How a content kind is named in the questions the editor is asked. */
export interface ContentNoun {
  /** «Artikkelen», «Ressursen», «Arrangementet», «Prosjektet». */
  readonly noun: string;
  readonly pronoun: 'den' | 'det';
}

/**
 * The `?/lagre` action after the form is read: `errors` (the upload round's or the admin's own
 * checks) go back at once; otherwise `update` runs, and the editor goes to `done`, or back to the
 * form with the API's refusals next to their fields, or with the stored record beside what was
 * typed when someone else saved first.
 */
export async function saveContent<B extends object, S extends Stored>(
  event: Event,
  options: {
    /** What every answer gives back to the form (kind, values, version, …). */
    base: B;
    errors: FieldErrors;
    update: (client: ApiClient) => Promise<unknown>;
    done: string;
    /** The record as stored now (shown in the conflict view). */
    reload: () => Promise<S>;
    /** Where the API's refusals belong on the form. */
    refusals: (failure: ApiFailure) => FieldErrors;
  },
) {
  const { base } = options;
  if (hasErrors(options.errors)) {
    return fail(400, { ...base, errors: options.errors, message: null, conflict: null });
  }
  const result = await attempt(event, options.update);
  if (result.ok) redirect(303, options.done);
  if (result.failure.code === 'CONFLICT') {
    const conflict = await options.reload();
    return fail(409, {
      ...base,
      errors: {},
      version: conflict.version,
      message: result.failure.message,
      conflict,
    });
  }
  return fail(422, {
    ...base,
    errors: options.refusals(result.failure),
    message: null,
    conflict: null,
  });
}

/**
 * The `?/status` action of a record's workflow panel: the editor must be allowed the transition
 * on the organisation the form names, and publishing, unpublishing and archiving ask first,
 * naming the record and whether the public sees it now.
 */
export function contentStatus<S extends Stored>(
  event: Event,
  options: ContentNoun & {
    slug: string;
    run: (client: ApiClient, input: TransitionInput) => Promise<unknown>;
    done: string;
    load: () => Promise<S>;
    /** A refusal for what the saved record lacks: its tag, and the messages at the fields. */
    lacking?: { readonly tag: string; readonly errors: (stored: S) => FieldErrors };
  },
) {
  const { lacking } = options;
  return transitionAction(event, {
    slug: options.slug,
    mayUse: (transition, form) => {
      const owner = text(form, 'owner');
      return owner === '' || mayIn(event.locals.me, actionFor(transition), owner);
    },
    run: options.run,
    done: options.done,
    confirmation: async (transition, when) => {
      const stored = await options.load();
      const shown = { status: stored.workflowStatus, publishAt: stored.publishAt };
      return transitionConfirmation(
        transition,
        {
          noun: options.noun,
          pronoun: options.pronoun,
          name: stored.title,
          public: isPublic(shown, new Date()),
        },
        when,
      );
    },
    ...(lacking
      ? {
          lacking: async (tag: string) =>
            tag === lacking.tag ? lacking.errors(await options.load()) : {},
        }
      : {}),
  });
}

/**
 * The `?/slett` action: whoever may archive may delete; the editor is asked first (with
 * `confirmation`), then the record is deleted at the version the form was filled in from.
 */
export async function deleteContent<S extends Stored>(
  event: Event,
  options: {
    slug: string;
    load: () => Promise<S>;
    owner: (stored: S) => string;
    confirmation: (stored: S) => Confirmation;
    run: (client: ApiClient, input: { slug: string; version: number }) => Promise<unknown>;
    /** Where to go once it is deleted, from its organisation's slug. */
    done: (owner: string) => string;
  },
) {
  const form = await event.request.formData();
  const version = versionOf(form);
  const stored = await options.load();
  const owner = options.owner(stored);
  if (!mayIn(event.locals.me, 'content.archive', owner)) error(403, FORBIDDEN_MESSAGE);
  if (!isConfirmed(form)) return askFirst(event, form, options.confirmation(stored));
  const result = await attempt(event, (client) =>
    options.run(client, { slug: options.slug, version }),
  );
  if (result.ok) redirect(303, options.done(owner));
  return fail(result.failure.code === 'CONFLICT' ? 409 : 422, {
    kind: 'delete' as const,
    errors: {},
    message: result.failure.message,
  });
}
