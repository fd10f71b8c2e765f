/** The form of a workflow transition (publish, unpublish, …): which one, on which version, when. */
import {
  fromOsloLocal,
  type Transition,
  Transition as TransitionSchema,
} from '@klimakommuner/domain';
import { Result } from 'effect';
import { fits, parseVersion, text } from './forms.ts';

export interface TransitionRequest {
  readonly transition: Transition;
  readonly version: number;
  /** «Publiser fra» as typed, in Norwegian time, for showing the form again. */
  readonly publishAtLocal: string;
  /** The chosen time as an ISO instant; absent for «now» and for other transitions. */
  readonly publishAt?: string;
  /** Why «Publiser fra» cannot be read, when it cannot. */
  readonly publishAtError?: string;
}

/** The transition the form asks for; null when it is not a form our page sends. */
export function readTransition(form: FormData): TransitionRequest | null {
  const transition = text(form, 'transition');
  const version = parseVersion(text(form, 'version'));
  const publishAtLocal = text(form, 'publishAt');
  if (!fits(TransitionSchema, transition) || version === null) return null;
  const request = { transition: transition as Transition, version, publishAtLocal };
  if (transition !== 'publish' || publishAtLocal === '') return request;
  // The domain refuses a malformed time and one the clock skips (summer time), each with its reason.
  const publishAt = fromOsloLocal(publishAtLocal);
  return Result.isSuccess(publishAt)
    ? { ...request, publishAt: publishAt.success.instant }
    : { ...request, publishAtError: publishAt.failure.message };
}
