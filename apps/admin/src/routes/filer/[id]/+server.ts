import { passFile } from '@klimakommuner/ui/files';
import { API_URL } from '$app/env/private';
import type { RequestHandler } from './$types';

/** A stored file, passed on from the API with the editor's session, so drafts' files show too. */
export const GET: RequestHandler = ({ fetch, locals, params, request }) =>
  passFile(
    fetch,
    API_URL,
    request,
    { id: params.id },
    locals.token ? `Bearer ${locals.token}` : null,
  );
