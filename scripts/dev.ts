// `pnpm dev`: API (restarts on change), portal and admin (Vite dev servers) on the embedded database.
import { start, stopAll, waitFor } from './lib/processes.ts';

const apiPort = process.env.API_PORT ?? '4000';
const apiUrl = process.env.API_URL ?? `http://localhost:${apiPort}`;

start({
  name: 'api',
  cwd: 'apps/api',
  command: process.execPath,
  args: ['--watch-path=src', '--watch-path=../../packages', 'src/main.ts'],
  env: { PORT: apiPort, NODE_ENV: 'development' },
});

try {
  await waitFor(`${apiUrl}/ready`);
} catch (error) {
  console.error(String(error));
  stopAll(1);
}

const apps = [
  ['portal', process.env.PORTAL_PORT ?? '3000'],
  ['admin', process.env.ADMIN_PORT ?? '3100'],
] as const;
for (const [name, port] of apps) {
  start({
    name,
    cwd: `apps/${name}`,
    command: process.execPath,
    args: ['node_modules/vite/bin/vite.js', 'dev', '--port', port, '--strictPort'],
    env: { API_URL: apiUrl, NODE_ENV: 'development' },
  });
}
console.log(
  `Klimakommuner: ${apps.map(([name, port]) => `${name} http://localhost:${port}`).join(' · ')} · api ${apiUrl}`,
);
