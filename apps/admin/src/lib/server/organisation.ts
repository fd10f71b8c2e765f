import type { Action } from '@klimakommuner/domain';
import { requireIn } from './access.ts';
import { type ApiClient, load as api } from './api.ts';

type Event = Parameters<typeof api>[0] & { readonly params: { readonly slug: string } };

/**
 * What a page under /organisasjoner/[slug] starts with: the editor may `action` in the
 * organisation (the 403 page otherwise), and its details together with what else the page reads
 * (`read`), in one request.
 */
export async function organisationPage<T>(
  event: Event,
  action: Action,
  read: (client: ApiClient, slug: string) => Promise<T>,
) {
  const { slug } = event.params;
  requireIn(event, action, slug);
  const [organisation, more] = await api(event, (client) =>
    Promise.all([client.organisations.get.query({ slug }), read(client, slug)]),
  );
  return { organisation, more };
}
