// `pnpm start`: the built apps in production mode (run `pnpm build` first).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot, start, stopAll, waitFor } from './lib/processes.ts';

const apiPort = process.env.API_PORT ?? '4000';
const apiUrl = process.env.API_URL ?? `http://localhost:${apiPort}`;
// Where the admin links published records to (their public pages).
const portalUrl = process.env.PORTAL_URL ?? `http://localhost:${process.env.PORTAL_PORT ?? '3000'}`;
const apps = [
  ['portal', process.env.PORTAL_PORT ?? '3000'],
  ['admin', process.env.ADMIN_PORT ?? '3100'],
] as const;

for (const [name] of apps) {
  if (!existsSync(resolve(repoRoot, `apps/${name}/build/index.js`))) {
    console.error(`apps/${name} is not built: run \`pnpm build\` first.`);
    process.exit(1);
  }
}

start({
  name: 'api',
  cwd: 'apps/api',
  command: process.execPath,
  args: ['src/main.ts'],
  env: { PORT: apiPort, NODE_ENV: 'production' },
});

try {
  await waitFor(`${apiUrl}/ready`);
} catch (error) {
  console.error(String(error));
  stopAll(1);
}

for (const [name, port] of apps) {
  start({
    name,
    cwd: `apps/${name}`,
    command: process.execPath,
    // The portal's server.js is adapter-node's server with its cached pages answered in front.
    args: [name === 'portal' ? 'server.js' : 'build'],
    env: {
      PORT: port,
      API_URL: apiUrl,
      PORTAL_URL: portalUrl,
      NODE_ENV: 'production',
      // The admin's forms carry attachments of up to 20 MB (adapter-node's default is 512 kB).
      ...(name === 'admin' ? { BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '25M' } : {}),
    },
  });
}
console.log(
  `Klimakommuner: ${apps.map(([name, port]) => `${name} http://localhost:${port}`).join(' · ')} · api ${apiUrl}`,
);
