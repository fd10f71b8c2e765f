import { Result } from 'effect';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkProjectEdit,
  checkProjectTransition,
  participationStep,
  projectDatesIssues,
  STATUSES,
  TRANSITIONS,
  transition,
} from '../../src/index.ts';
import { failureOf } from '../run.ts';

// The rules that decided publishing in packages/db and apps/api before issue 9, now the domain's.

const ready = {
  status: 'ongoing',
  startDate: '2025-01-01',
  endDate: null,
  leaders: ['leder'],
  themes: ['mat'],
} as const;

describe('checkProjectEdit', () => {
  it('keeps a published project publishable, and lets drafts lose their leaders', () => {
    const bare = { ...ready, leaders: [], themes: [] };
    expect(failureOf(checkProjectEdit(bare, 'published'))).toMatchObject({
      _tag: 'ProjectNotPublishable',
      missingLeader: true,
      missingTheme: true,
    });
    for (const status of ['draft', 'in_review', 'archived'] as const) {
      expect(Result.isSuccess(checkProjectEdit(bare, status))).toBe(true);
    }
  });

  it('checks the dates first, whatever the workflow status', () => {
    const backwards = { ...ready, leaders: [], startDate: '2025-02-01', endDate: '2025-01-01' };
    expect(failureOf(checkProjectEdit(backwards, 'published'))._tag).toBe('ProjectDatesInvalid');
    expect(failureOf(checkProjectEdit(backwards, 'draft'))._tag).toBe('ProjectDatesInvalid');
  });
});

describe('checkProjectTransition', () => {
  it('publishes only a project with a leader, a theme and dates that hold together', () => {
    expect(checkProjectTransition({ ...ready, workflowStatus: 'draft' }, 'publish')).toEqual(
      Result.succeed('published'),
    );
    const noTheme = { ...ready, themes: [], workflowStatus: 'in_review' as const };
    expect(failureOf(checkProjectTransition(noTheme, 'publish'))._tag).toBe(
      'ProjectNotPublishable',
    );
    const noEnd = { ...ready, status: 'completed' as const, workflowStatus: 'draft' as const };
    expect(failureOf(checkProjectTransition(noEnd, 'publish'))._tag).toBe('ProjectDatesInvalid');
  });

  it('is the workflow itself for every other transition, however bare the project', () => {
    const bare = { ...ready, leaders: [], themes: [] };
    fc.assert(
      fc.property(
        fc.constantFrom(...STATUSES),
        fc.constantFrom(...TRANSITIONS.filter((t) => t !== 'publish')),
        (workflowStatus, t) => {
          expect(checkProjectTransition({ ...bare, workflowStatus }, t)).toEqual(
            transition({ status: workflowStatus }, t),
          );
        },
      ),
    );
  });
});

describe('projectDatesIssues', () => {
  it('reports the dates rule at the field to fix, from input not decoded yet', () => {
    expect(
      projectDatesIssues({ status: 'completed', startDate: '2025-01-01', endDate: null }),
    ).toEqual([{ path: ['endDate'], message: 'Et fullført prosjekt må ha en sluttdato.' }]);
    expect(projectDatesIssues({ status: 'completed' })[0]?.path).toEqual(['startDate']);
  });

  it('says nothing about fields it cannot read, or about dates that hold together', () => {
    expect(
      projectDatesIssues({ status: 'done', startDate: '2025-02-01', endDate: '2025-01-01' }),
    ).toEqual([]);
    expect(projectDatesIssues({ status: 'ongoing', startDate: 'i går', endDate: null })).toEqual(
      [],
    );
    expect(projectDatesIssues(null)).toEqual([]);
    expect(projectDatesIssues({ status: 'ongoing', startDate: '2025-01-01' })).toEqual([]);
  });
});

describe('participationStep', () => {
  it('starts a new participation, rejoins a withdrawn one and changes an active one', () => {
    expect(participationStep(null)).toBe('start');
    expect(participationStep({ status: 'withdrawn' })).toBe('rejoin');
    for (const status of ['interested', 'participating', 'implementing', 'completed'] as const) {
      expect(participationStep({ status })).toBe('change');
    }
  });
});
