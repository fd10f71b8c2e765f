import { afterAll, beforeAll, describe } from 'vitest';
import type { DbHandle } from '../src/index.ts';
import { engines } from './engines.ts';
import { accountSuite } from './suites/accounts.ts';
import { auditSuite } from './suites/audit.ts';
import { editingSuite } from './suites/editing.ts';

// A database of its own per engine: these suites write users, memberships and audit rows that
// the read-only suites of db.test.ts must not see.
describe.each(engines)('on $name', (engine) => {
  let handle: DbHandle | undefined;
  let dispose: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ handle, dispose } = await engine.setup());
  });
  afterAll(() => dispose?.());
  const db = () => {
    if (!handle) throw new Error('The database did not open');
    return handle;
  };
  describe('accounts, sessions, tokens and throttling', () => accountSuite(db));
  describe('organisation profile and memberships', () => editingSuite(db));
  describe('audit trail', () => auditSuite(db));
});
