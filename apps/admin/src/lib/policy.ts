import { type Action, type Actor, can, isAdmin, type Me } from '@klimakommuner/domain';

/** The signed-in user as the domain's policy sees them. */
export function actorOf(me: Me | null): Actor {
  return me === null ? { kind: 'anonymous' } : { kind: 'user', userId: me.id, roles: me.roles };
}

/** Whether the user may do `action` in the organisation (the API checks again; this only hides controls). */
export function mayIn(me: Me | null, action: Action, organisation: string): boolean {
  return can(actorOf(me), action, { organisation });
}

/** Whether the user may do a system-wide action (users, tokens, the whole audit log). */
export function mayInSystem(me: Me | null, action: Action): boolean {
  return can(actorOf(me), action, { system: true });
}

export function isAdminUser(me: Me | null): boolean {
  return isAdmin(actorOf(me));
}
