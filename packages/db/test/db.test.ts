import { afterAll, beforeAll, describe } from 'vitest';
import type { DbHandle } from '../src/index.ts';
import { engines } from './engines.ts';
import { querySuite } from './suites/queries.ts';
import { seedSuite } from './suites/seed.ts';

// One database per engine for every suite: starting PGlite costs seconds of CPU.
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
  describe('schema and seed', () => seedSuite(db, engine.name));
  describe('queries', () => querySuite(db));
});
