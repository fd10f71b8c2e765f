import { PORTAL_URL } from '$app/env/private';
import type { LayoutServerLoad } from './$types';

// The portal's base URL goes to every page: published records link to their public page.
export const load: LayoutServerLoad = ({ locals }) => ({ me: locals.me, portalUrl: PORTAL_URL });
