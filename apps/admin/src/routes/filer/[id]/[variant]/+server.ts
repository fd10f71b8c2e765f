import { passFile } from '@klimakommuner/ui/files';
import { API_URL } from '$app/env/private';
import type { RequestHandler } from './$types';

/** One width of a stored image, passed on from the API with the editor's session. */
export const GET: RequestHandler = ({ fetch, locals, params, request }) =>
  passFile(
    fetch,
    API_URL,
    request,
    { id: params.id, variant: params.variant },
    locals.token ? `Bearer ${locals.token}` : null,
  );
