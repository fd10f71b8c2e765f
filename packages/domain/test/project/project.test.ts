import { Result } from 'effect';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  checkProjectDates,
  checkPublishable,
  PROJECT_STATUSES,
  ProjectDatesInvalid,
  ProjectNotPublishable,
  type ProjectStatus,
  projectDatesField,
  projectSlug,
  projectStatusLabel,
  publicContact,
} from '../../src/index.ts';
import { DAYS, START } from '../arbitraries.ts';
import { failureOf } from '../run.ts';

const date = fc.option(fc.integer({ min: 0, max: DAYS }).map((n) => addDays(START, n)));
const status = fc.constantFrom(...PROJECT_STATUSES);

describe('checkProjectDates', () => {
  it('accepts open and well-ordered dates, including a one-day project', () => {
    const ok = (status: ProjectStatus, startDate: string | null, endDate: string | null) =>
      expect(Result.isSuccess(checkProjectDates({ status, startDate, endDate }))).toBe(true);
    ok('planned', null, null);
    ok('ongoing', '2025-03-01', null);
    ok('ongoing', null, '2025-03-01');
    ok('completed', '2025-03-01', '2025-03-01');
    ok('completed', '2024-01-01', '2025-12-31');
  });

  it('refuses an end before the start in Norwegian', () => {
    const error = failureOf(
      checkProjectDates({ status: 'ongoing', startDate: '2025-03-01', endDate: '2025-02-28' }),
    );
    expect(error).toBeInstanceOf(ProjectDatesInvalid);
    expect(error.problem).toBe('end-before-start');
    expect(error.message).toBe(
      'Prosjektet kan ikke slutte 28. februar 2025 når det begynner 1. mars 2025: sluttdatoen må være samme dag som eller etter startdatoen.',
    );
  });

  it('refuses a completed project without a start or an end', () => {
    const noEnd = failureOf(
      checkProjectDates({ status: 'completed', startDate: '2025-03-01', endDate: null }),
    );
    expect(noEnd.problem).toBe('completed-without-end');
    expect(noEnd.message).toBe('Et fullført prosjekt må ha en sluttdato.');
    const noStart = failureOf(
      checkProjectDates({ status: 'completed', startDate: null, endDate: '2025-03-01' }),
    );
    expect(noStart.problem).toBe('completed-without-start');
    expect(noStart.message).toBe('Et fullført prosjekt må ha en startdato.');
    // Each problem belongs at the field the editor must change.
    expect(projectDatesField(noStart.problem)).toBe('startDate');
    expect(projectDatesField(noEnd.problem)).toBe('endDate');
    expect(projectDatesField('end-before-start')).toBe('endDate');
  });

  it('fails exactly when the end precedes the start or a completed project lacks a date', () => {
    fc.assert(
      fc.property(status, date, date, (status, startDate, endDate) => {
        const reversed =
          startDate !== null && endDate !== null && Date.parse(endDate) < Date.parse(startDate);
        const incomplete = status === 'completed' && (startDate === null || endDate === null);
        const result = checkProjectDates({ status, startDate, endDate });
        if (!reversed && !incomplete) return Result.isSuccess(result);
        return (
          Result.isFailure(result) &&
          result.failure instanceof ProjectDatesInvalid &&
          (result.failure.problem === 'end-before-start') === reversed
        );
      }),
    );
  });
});

describe('checkPublishable', () => {
  it('accepts a project with a leader and a theme', () => {
    expect(
      Result.isSuccess(checkPublishable({ leaders: ['p1'], themes: ['klimatilpasning'] })),
    ).toBe(true);
  });

  it('refuses a project without a leader or without a theme', () => {
    expect(failureOf(checkPublishable({ leaders: [], themes: [] })).message).toBe(
      'Prosjektet kan ikke publiseres ennå: legg til minst én prosjektleder, og velg minst ett tema.',
    );
    for (const p of [
      { leaders: [], themes: ['klimatilpasning'] },
      { leaders: ['p1'], themes: [] },
      { leaders: [], themes: [] },
    ]) {
      const error = failureOf(checkPublishable(p));
      expect(error).toBeInstanceOf(ProjectNotPublishable);
      expect(error).toMatchObject({
        missingLeader: p.leaders.length === 0,
        missingTheme: p.themes.length === 0,
      });
      // The message names what is missing, and only that.
      expect(error.message).toBe(
        `Prosjektet kan ikke publiseres ennå: ${[
          ...(p.leaders.length === 0 ? ['legg til minst én prosjektleder'] : []),
          ...(p.themes.length === 0 ? ['velg minst ett tema'] : []),
        ].join(', og ')}.`,
      );
    }
  });
});

describe('projectSlug', () => {
  it('slugifies the title and avoids taken slugs', () => {
    expect(projectSlug('Klimatilpasning i små kommuner', new Set())).toBe(
      'klimatilpasning-i-sma-kommuner',
    );
    expect(projectSlug('Grønn mobilitet', new Set(['gronn-mobilitet']))).toBe('gronn-mobilitet-2');
    expect(projectSlug('!!!', new Set(['prosjekt']))).toBe('prosjekt-2');
  });
});

describe('publicContact', () => {
  const person = { email: 'ola@example.no', phone: '+47 12 34 56 78' };

  it('shows email and phone only with consent', () => {
    expect(publicContact({ ...person, consent: true })).toEqual(person);
    expect(publicContact({ ...person, consent: false })).toEqual({ email: null, phone: null });
  });

  it('never shows anything without consent', () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.option(fc.string()), (email, phone) => {
        const shown = publicContact({ email, phone, consent: false });
        return shown.email === null && shown.phone === null;
      }),
    );
  });
});

describe('projectStatusLabel', () => {
  it('names every status in Norwegian', () => {
    expect(PROJECT_STATUSES.map(projectStatusLabel)).toEqual(['Planlagt', 'Pågår', 'Fullført']);
  });
});
