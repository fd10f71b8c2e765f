import { requireIn } from '#lib/server/access.ts';
import { forwardUpload } from '#lib/server/upload.ts';
import type { RequestHandler } from './$types';

/**
 * The upload opplasting.js sends (with JavaScript, to show its progress): passed on to the API
 * as it streams in. hooks.server.ts has checked that it comes from this site, as for every form.
 */
export const POST: RequestHandler = (event) => {
  requireIn(event, 'content.create', event.params.slug);
  return forwardUpload(event, event.params.slug);
};
