import { apiFor } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

/** The publishers in the order the site presents them; any others follow by name. */
const PUBLISHERS = ['kommunenettverk-for-klimaomstilling', 'ken', 'akershus-fylkeskommune'];

const rank = (slug: string): number => {
  const index = PUBLISHERS.indexOf(slug);
  return index === -1 ? PUBLISHERS.length : index;
};

export const load: PageServerLoad = async ({ fetch }) => {
  const organisations = await apiFor(fetch).organisations.list();
  return {
    organisations: [...organisations.items].sort((a, b) => rank(a.slug) - rank(b.slug)),
  };
};
