import { afterAll, beforeAll, describe } from 'vitest';
import type { DbHandle } from '../src/index.ts';
import { engines } from './engines.ts';
import { projectSuite } from './suites/projects.ts';

// A database of its own per engine: these suites write projects, people and participations
// that the other files' suites must not see.
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
  describe('themes, people, projects and participations', () => projectSuite(db));
});
