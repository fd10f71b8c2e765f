import { describe, expect, it } from 'vitest';
import { actionGroups, historyHref, recordHref } from './audit.ts';

const entry = (recordType: string, recordId: string | null, more = {}) =>
  ({ recordType, recordId, recordProject: null, organisation: null, ...more }) as Parameters<
    typeof recordHref
  >[0];

describe('where an audit row’s record is', () => {
  it('links each kind of record to the page where it is edited', () => {
    expect(recordHref(entry('project', 'gronn-mobilitet'))).toBe('/prosjekter/gronn-mobilitet');
    expect(recordHref(entry('membership', 'x', { organisation: 'ken' }))).toBe(
      '/organisasjoner/ken/medlemmer',
    );
    expect(recordHref(entry('participation', 'x', { recordProject: 'mat' }))).toBe(
      '/prosjekter/mat/deltakere',
    );
    expect(recordHref(entry('participation', 'x'))).toBeNull();
    expect(recordHref(entry('project', null))).toBeNull();
  });

  it('escapes what it puts into an address', () => {
    expect(historyHref({ recordType: 'project', recordId: 'a/../b' })).toBe(
      '/historikk/project/a%2F..%2Fb',
    );
  });

  it('groups the log’s actions by what they concern, leaving out empty groups', () => {
    expect(actionGroups(['project.update', 'auth.sign-in', 'project.create'])).toEqual([
      { label: 'Innlogging', actions: ['auth.sign-in'] },
      { label: 'Prosjekter', actions: ['project.update', 'project.create'] },
    ]);
  });
});
