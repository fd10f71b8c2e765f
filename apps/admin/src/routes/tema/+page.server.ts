import { error } from '@sveltejs/kit';
import { mayInSystem } from '#lib/policy.ts';
import { FORBIDDEN_MESSAGE, load as api } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!mayInSystem(event.locals.me, 'theme.manage')) error(403, FORBIDDEN_MESSAGE);
  const themes = await api(event, (client) => client.themes.listForEdit.query());
  return { themes: themes.items };
};
