import type { Action } from '@klimakommuner/domain';
import { error, type RequestEvent } from '@sveltejs/kit';
import { mayIn, mayInSystem } from '#lib/policy.ts';
import { FORBIDDEN_MESSAGE } from './api.ts';

// The API refuses what the editor may not do anyway; these answer with the 403 page before
// asking it, so a page the editor cannot use is never half shown.

type Event = Pick<RequestEvent, 'locals'>;

/** The administrator's pages: users, tokens, themes and the whole log. */
export function requireSystem(event: Event, action: Action): void {
  if (!mayInSystem(event.locals.me, action)) error(403, FORBIDDEN_MESSAGE);
}

/** A page or form of one organisation's. */
export function requireIn(event: Event, action: Action, organisation: string): void {
  if (!mayIn(event.locals.me, action, organisation)) error(403, FORBIDDEN_MESSAGE);
}
