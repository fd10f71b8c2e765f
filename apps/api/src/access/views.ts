import type { ApiTokenRecord, UserRecord } from '@klimakommuner/db';
import type { TokenView, UserView } from '@klimakommuner/domain';

// How a user and a token are shown to clients: timestamps as ISO strings, no hashes.

export const userView = (user: UserRecord): UserView => ({
  id: user.id,
  email: user.email,
  name: user.name,
  roles: user.roles,
  active: user.active,
  createdAt: user.createdAt.toISOString(),
  lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
  version: user.version,
});

export const tokenView = (token: ApiTokenRecord): TokenView => ({
  id: token.id,
  name: token.name,
  organisation: token.organisation,
  scope: token.scope,
  createdAt: token.createdAt.toISOString(),
  lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  revokedAt: token.revokedAt?.toISOString() ?? null,
});
