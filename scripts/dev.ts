// `pnpm dev`: API (restarts on change), portal and admin (Vite dev servers) on the embedded database.
import { start, stopAll, waitFor } from './lib/processes.ts';

const apiPort = process.env.API_PORT ?? '4000';
// The demo editors' passwords are in the README: in development every app listens on this
// machine only, unless HOST says otherwise (e.g. HOST=0.0.0.0 to try it from a phone).
const host = process.env.HOST?.trim() || '127.0.0.1';
const apiUrl = process.env.API_URL ?? `http://localhost:${apiPort}`;
// Where the admin links published records to (their public pages).
const portalUrl = process.env.PORTAL_URL ?? `http://localhost:${process.env.PORTAL_PORT ?? '3000'}`;

start({
  name: 'api',
  cwd: 'apps/api',
  command: process.execPath,
  args: ['--watch-path=src', '--watch-path=../../packages', 'src/main.ts'],
  env: { PORT: apiPort, HOST: host, NODE_ENV: 'development' },
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
    args: ['node_modules/vite/bin/vite.js', 'dev', '--host', host, '--port', port, '--strictPort'],
    env: { API_URL: apiUrl, PORTAL_URL: portalUrl, NODE_ENV: 'development' },
  });
}
console.log(
  `Klimakommuner: ${apps.map(([name, port]) => `${name} http://localhost:${port}`).join(' · ')} · api ${apiUrl}`,
);
