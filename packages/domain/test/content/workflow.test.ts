import { Result } from 'effect';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actionFor,
  availableTransitions,
  editAction,
  InvalidTransition,
  isPublic,
  STATUSES,
  type Status,
  statusLabel,
  TRANSITIONS,
  type Transition,
  transition,
  transitionLabel,
} from '../../src/index.ts';
import { failureOf } from '../run.ts';

// Rows: transitions; columns: from draft, in_review, published, archived. '-' is refused.
const TABLE: Readonly<Record<Transition, readonly [string, string, string, string]>> = {
  submit: ['in_review', '-', '-', '-'],
  publish: ['published', 'published', '-', '-'],
  unpublish: ['-', '-', 'draft', '-'],
  archive: ['archived', 'archived', 'archived', '-'],
  restore: ['-', '-', '-', 'draft'],
};
const FROM: readonly Status[] = ['draft', 'in_review', 'published', 'archived'];

describe('transition', () => {
  it('covers every status and transition', () => {
    expect([...FROM].sort()).toEqual([...STATUSES].sort());
    expect(Object.keys(TABLE).sort()).toEqual([...TRANSITIONS].sort());
  });

  for (const t of TRANSITIONS) {
    FROM.forEach((from, i) => {
      const to = TABLE[t][i];
      it(`${t} from ${from} ${to === '-' ? 'is refused' : `gives ${to}`}`, () => {
        const result = transition({ status: from }, t);
        if (to === '-') {
          expect(Result.isFailure(result)).toBe(true);
          const error = failureOf(transition({ status: from }, t));
          expect(error).toBeInstanceOf(InvalidTransition);
          expect(error).toMatchObject({ _tag: 'InvalidTransition', from, transition: t });
        } else {
          expect(result).toEqual(Result.succeed(to));
        }
      });
    });
  }

  it('explains a refused transition in Norwegian', () => {
    expect(failureOf(transition({ status: 'archived' }, 'publish')).message).toBe(
      'Du kan ikke publisere noe som har publiseringsstatus «Arkivert».',
    );
  });

  it('lists the available transitions consistently with transition', () => {
    expect(availableTransitions('draft')).toEqual(['submit', 'publish', 'archive']);
    expect(availableTransitions('in_review')).toEqual(['publish', 'archive']);
    expect(availableTransitions('published')).toEqual(['unpublish', 'archive']);
    expect(availableTransitions('archived')).toEqual(['restore']);
  });
});

describe('actionFor, editAction and labels', () => {
  it('maps each transition to the action the policy checks', () => {
    expect(Object.fromEntries(TRANSITIONS.map((t) => [t, actionFor(t)]))).toEqual({
      submit: 'content.submit',
      publish: 'content.publish',
      unpublish: 'content.unpublish',
      archive: 'content.archive',
      restore: 'content.archive',
    });
  });

  it('needs edit-published for anything that has left the draft stage', () => {
    expect(Object.fromEntries(STATUSES.map((s) => [s, editAction(s)]))).toEqual({
      draft: 'content.edit-draft',
      in_review: 'content.edit-draft',
      published: 'content.edit-published',
      archived: 'content.edit-published',
    });
  });

  it('labels statuses and transitions in Norwegian', () => {
    expect(STATUSES.map(statusLabel)).toEqual([
      'Utkast',
      'Til godkjenning',
      'Publisert',
      'Arkivert',
    ]);
    expect(transitionLabel('submit')).toBe('Send til godkjenning');
  });
});

describe('isPublic', () => {
  const now = new Date('2025-06-01T12:00:00.000Z');

  it('shows published content without a schedule, or once its moment has come', () => {
    expect(isPublic({ status: 'published', publishAt: null }, now)).toBe(true);
    expect(isPublic({ status: 'published', publishAt: '2025-06-01T12:00:00.000Z' }, now)).toBe(
      true,
    );
    expect(isPublic({ status: 'published', publishAt: '2025-06-01T12:00:00.001Z' }, now)).toBe(
      false,
    );
    // 13:30 in Oslo summer time is 11:30 UTC: already public.
    expect(isPublic({ status: 'published', publishAt: '2025-06-01T13:30:00+02:00' }, now)).toBe(
      true,
    );
    expect(isPublic({ status: 'published', publishAt: 'not a date' }, now)).toBe(false);
  });

  it('never shows drafts, items in review or archived items', () => {
    for (const status of ['draft', 'in_review', 'archived'] as const) {
      expect(isPublic({ status, publishAt: null }, now)).toBe(false);
      expect(isPublic({ status, publishAt: '2000-01-01T00:00:00.000Z' }, now)).toBe(false);
    }
  });

  const moment = fc.date({
    min: new Date('1990-01-01T00:00:00.000Z'),
    max: new Date('2090-01-01T00:00:00.000Z'),
    noInvalidDate: true,
  });
  const offset = fc.integer({ min: 1, max: 10 * 365 * 24 * 3600 * 1000 });
  const status = fc.constantFrom(...STATUSES);

  it('is public from publishAt on and not a millisecond before, for any dates', () => {
    fc.assert(
      fc.property(moment, offset, status, (at, ms, s) => {
        const past = new Date(at.getTime() - ms).toISOString();
        const future = new Date(at.getTime() + ms).toISOString();
        const published = s === 'published';
        return (
          isPublic({ status: s, publishAt: at.toISOString() }, at) === published &&
          isPublic({ status: s, publishAt: past }, at) === published &&
          isPublic({ status: s, publishAt: null }, at) === published &&
          !isPublic({ status: s, publishAt: future }, at)
        );
      }),
    );
  });
});
