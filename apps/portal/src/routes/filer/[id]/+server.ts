import { passFile } from '@klimakommuner/ui/files';
import { API_URL } from '$app/env/private';
import type { RequestHandler } from './$types';

/** A public resource's file, passed on from the API (decision 0030). */
export const GET: RequestHandler = ({ fetch, params, request }) =>
  passFile(fetch, API_URL, request, { id: params.id });
