import { requireIn } from '#lib/server/access.ts';
import { forwardUpload } from '#lib/server/upload.ts';
import type { RequestHandler } from './$types';

/**
 * The image upload opplasting.js sends (with JavaScript, to show its progress): passed on to the
 * API as it streams in, into the publisher's files.
 */
export const POST: RequestHandler = (event) => {
  requireIn(event, 'content.create', event.params.slug);
  return forwardUpload(event, event.params.slug);
};
