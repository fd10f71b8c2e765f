import { passFile } from '@klimakommuner/ui/files';
import { API_URL } from '$app/env/private';
import type { RequestHandler } from './$types';

/** One width of a public resource's image (`w320`, `w640`, `w1280`), passed on from the API. */
export const GET: RequestHandler = ({ fetch, params, request }) =>
  passFile(fetch, API_URL, request, { id: params.id, variant: params.variant });
