import { defineEnvVars } from '@sveltejs/kit/env';

export const variables = defineEnvVars({
  API_URL: {
    description: 'Base URL of the Klimakommuner API (tRPC is served under /trpc).',
    schema: (value) =>
      value && value.trim() !== '' ? value.replace(/\/+$/, '') : 'http://localhost:4000',
  },
});
