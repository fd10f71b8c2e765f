import { PORTAL_ORIGIN } from '$app/env/private';

/** The portal's public origin: PORTAL_ORIGIN when set (behind a proxy), else the request's. */
export const publicOrigin = (url: URL): string => PORTAL_ORIGIN || url.origin;
