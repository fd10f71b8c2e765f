import { publicOrigin } from '#lib/server/origin.ts';
import type { LayoutServerLoad } from './$types';

/** Every page's canonical URL and OpenGraph URL start with the public origin. */
export const load: LayoutServerLoad = ({ url }) => ({ origin: publicOrigin(url) });
