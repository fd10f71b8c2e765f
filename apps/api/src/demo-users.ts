import { type DbHandle, findUserByEmail } from '@klimakommuner/db';
import type { Role } from '@klimakommuner/domain';
import { createAccount } from './access/accounts.ts';

/**
 * Demo editors for `pnpm dev` (NODE_ENV=development) only, created on start when missing.
 * Never in production: there are no default credentials; use `pnpm users:create`.
 */
export const DEMO_PASSWORD = 'demo-passord-2026';

export const DEMO_USERS: readonly { email: string; name: string; roles: readonly Role[] }[] = [
  { email: 'admin@klimakommuner.no', name: 'Demo Administrator', roles: [{ role: 'admin' }] },
  {
    email: 'redaktor@kko.no',
    name: 'Demo Redaktør KKO',
    roles: [{ role: 'editor', organisation: 'kommunenettverk-for-klimaomstilling' }],
  },
  {
    email: 'bidragsyter@kko.no',
    name: 'Demo Bidragsyter KKO',
    roles: [{ role: 'contributor', organisation: 'kommunenettverk-for-klimaomstilling' }],
  },
  {
    email: 'redaktor@ken.no',
    name: 'Demo Redaktør KEN',
    roles: [{ role: 'editor', organisation: 'ken' }],
  },
];

/** Creates the demo users that do not exist yet; returns the emails it created. */
export const seedDemoUsers = async (handle: DbHandle): Promise<string[]> => {
  const created: string[] = [];
  for (const user of DEMO_USERS) {
    if ((await findUserByEmail(handle.db, user.email)) !== null) continue;
    await createAccount(handle.db, { ...user, password: DEMO_PASSWORD }, null);
    created.push(user.email);
  }
  return created;
};
