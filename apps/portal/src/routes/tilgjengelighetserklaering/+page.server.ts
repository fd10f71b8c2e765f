import { AXE_TAGS, coverage, STATEMENT_DATE } from '@klimakommuner/ui/accessibility';
import axe from 'axe-core';
import type { PageServerLoad } from './$types';

// The statement is generated from what the browser tests run: axe-core's own rule list for the
// tags the tests use (the same version as the tests), plus the portal's own checks. Computed
// once per process; it changes only with a new build.
const criteria = coverage(axe.getRules([...AXE_TAGS]));

export const load: PageServerLoad = () => ({
  date: STATEMENT_DATE,
  axeVersion: axe.version,
  tags: [...AXE_TAGS],
  criteria,
});
