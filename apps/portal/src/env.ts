import { defineEnvVars } from '@sveltejs/kit/env';

export const variables = defineEnvVars({
  API_URL: {
    description: 'Base URL of the Klimakommuner API (tRPC is served under /trpc).',
    schema: (value) =>
      value && value.trim() !== '' ? value.replace(/\/+$/, '') : 'http://localhost:4000',
  },
  PORTAL_ORIGIN: {
    description:
      'The public origin of the portal (e.g. https://klimakommuner.no), for canonical URLs, OpenGraph and the sitemap; unset: the origin of each request.',
    schema: (value) => (value && value.trim() !== '' ? value.trim().replace(/\/+$/, '') : ''),
  },
  CACHE: {
    description:
      'off turns the page cache off (and tells browsers and proxies not to keep pages); anything else, or unset, leaves it on.',
    schema: (value) => !['off', '0', 'false', 'no'].includes((value ?? '').trim().toLowerCase()),
  },
});
