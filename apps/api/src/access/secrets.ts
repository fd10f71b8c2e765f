import { createHash, randomBytes } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';

/** Session tokens (`kks_…`) and API tokens (`kkt_…`): 32 random bytes, base64url. */
export const SESSION_PREFIX = 'kks_';
export const API_TOKEN_PREFIX = 'kkt_';

export const newToken = (prefix: typeof SESSION_PREFIX | typeof API_TOKEN_PREFIX): string =>
  `${prefix}${randomBytes(32).toString('base64url')}`;

/** What is stored of a token: its SHA-256, hex. The token itself is never stored. */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

// `Algorithm` is an ambient const enum, which isolatedModules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/** OWASP's argon2id parameters: 19 MiB, 2 iterations, 1 lane. */
export const ARGON2_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

/** False for a wrong password and for a hash that cannot be read; never throws for those. */
export const verifyPassword = async (passwordHash: string, password: string): Promise<boolean> => {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

// Verified against when the email is unknown or the user inactive, so that answer takes as long
// as a wrong password does. Computed once, lazily, from a random password nobody knows.
let dummy: Promise<string> | undefined;
export const dummyHash = (): Promise<string> => {
  dummy ??= hashPassword(randomBytes(24).toString('base64url'));
  return dummy;
};
