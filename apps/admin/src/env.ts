import { defineEnvVars } from '@sveltejs/kit/env';

export const variables = defineEnvVars({
  API_URL: {
    description: 'Base URL of the Klimakommuner API (tRPC is served under /trpc).',
    schema: (value) =>
      value && value.trim() !== '' ? value.replace(/\/+$/, '') : 'http://localhost:4000',
  },
  PORTAL_URL: {
    description:
      'Base URL of the public site (the portal); the admin links every published record to its page there.',
    schema: (value) =>
      value && value.trim() !== '' ? value.replace(/\/+$/, '') : 'http://localhost:3000',
  },
});
