import { requireSystem } from '#lib/server/access.ts';
import { load as api } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  requireSystem(event, 'theme.manage');
  const themes = await api(event, (client) => client.themes.listForEdit.query());
  return { themes: themes.items };
};
