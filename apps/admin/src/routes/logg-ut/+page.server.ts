import { redirect } from '@sveltejs/kit';
import { clientFor } from '#lib/server/api.ts';
import { clearSessionCookie } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

// Signing out is a POST (the button in the header); a plain visit goes back to the start page.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async (event) => {
    try {
      await clientFor(event).auth.signOut.mutate();
    } catch (cause) {
      // The cookie goes either way; a session the API cannot end now still expires on its own.
      console.error('Sign-out failed at the API', cause);
    }
    clearSessionCookie(event.cookies);
    redirect(303, '/logg-inn?utlogget=1');
  },
};
