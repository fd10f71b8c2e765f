import { Result } from 'effect';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  changeParticipationStatus,
  PARTICIPATION_STATUSES,
  ParticipationAlreadyActive,
  ParticipationDateBeforeLast,
  type ParticipationState,
  type ParticipationStatus,
  ParticipationUnchanged,
  participationStatusLabel,
  participationStatusOrder,
  participationStatusSymbol,
  rejoin,
  startParticipation,
} from '../../src/index.ts';
import { DAYS, day, participationHistory } from '../arbitraries.ts';
import { failureOf } from '../run.ts';

const status = fc.constantFrom(...PARTICIPATION_STATUSES);
const step = fc.record({ status, since: day });

/** A state as the rules build it: each step a different status, on or after the last. */
const state: fc.Arbitrary<ParticipationState> = participationHistory({ maxGap: 3, distinct: true });

const success = <A>(result: Result.Result<A, unknown>): A => {
  if (Result.isFailure(result))
    throw new Error(`expected a success, got ${String(result.failure)}`);
  return result.success;
};

describe('changeParticipationStatus', () => {
  const interested = startParticipation({ status: 'interested', since: '2025-01-10' });

  it('moves to the new status and keeps every step, oldest first', () => {
    const participating = success(
      changeParticipationStatus(interested, { status: 'participating', since: '2025-02-01' }),
    );
    const implementing = success(
      changeParticipationStatus(participating, { status: 'implementing', since: '2025-02-01' }),
    );
    expect(implementing).toEqual({
      status: 'implementing',
      since: '2025-02-01',
      history: [
        { status: 'interested', since: '2025-01-10' },
        { status: 'participating', since: '2025-02-01' },
        { status: 'implementing', since: '2025-02-01' },
      ],
    });
  });

  it('refuses a date before the latest change in Norwegian', () => {
    const error = failureOf(
      changeParticipationStatus(interested, { status: 'participating', since: '2025-01-09' }),
    );
    expect(error).toBeInstanceOf(ParticipationDateBeforeLast);
    expect(error.message).toBe(
      'Endringen kan ikke gjelde fra 9. januar 2025, fordi deltakelsen sist ble endret 10. januar 2025. Velg 10. januar 2025 eller en senere dato.',
    );
  });

  it('refuses the same status again', () => {
    const error = failureOf(
      changeParticipationStatus(interested, { status: 'interested', since: '2025-03-01' }),
    );
    expect(error).toBeInstanceOf(ParticipationUnchanged);
    expect(error.message).toBe('Deltakelsen har allerede deltakelsesstatus «Interessert».');
  });

  it('grows the history by exactly the new step when it accepts', () => {
    fc.assert(
      fc.property(state, step, (current, next) => {
        const result = changeParticipationStatus(current, next);
        if (Result.isFailure(result)) return true;
        const { history } = result.success;
        return (
          result.success.status === next.status &&
          result.success.since === next.since &&
          history.length === current.history.length + 1 &&
          history.slice(0, -1).every((s, i) => s === current.history[i]) &&
          history.every((s, i) => i === 0 || (history[i - 1] as typeof s).since <= s.since)
        );
      }),
    );
  });

  it('refuses every date before the latest change, whatever the status', () => {
    fc.assert(
      fc.property(state, status, fc.integer({ min: 1, max: DAYS }), (current, s, back) => {
        const error = failureOf(
          changeParticipationStatus(current, { status: s, since: addDays(current.since, -back) }),
        );
        return error instanceof ParticipationDateBeforeLast && error.latest === current.since;
      }),
    );
  });

  it('accepts exactly a different status on or after the latest change', () => {
    fc.assert(
      fc.property(state, step, (current, next) => {
        const result = changeParticipationStatus(current, next);
        const ok = next.since >= current.since && next.status !== current.status;
        return Result.isSuccess(result) === ok;
      }),
    );
  });
});

describe('rejoin', () => {
  const withdrawn = success(
    changeParticipationStatus(
      startParticipation({ status: 'participating', since: '2024-05-01' }),
      {
        status: 'withdrawn',
        since: '2024-09-01',
      },
    ),
  );

  it('continues a withdrawn participation with its history', () => {
    const again = success(rejoin(withdrawn, { status: 'interested', since: '2025-01-01' }));
    expect(again.status).toBe('interested');
    expect(again.history).toEqual([
      { status: 'participating', since: '2024-05-01' },
      { status: 'withdrawn', since: '2024-09-01' },
      { status: 'interested', since: '2025-01-01' },
    ]);
  });

  it('refuses a participation that is not withdrawn', () => {
    fc.assert(
      fc.property(state, step, (current, next) => {
        if (current.status === 'withdrawn') return true;
        const error = failureOf(rejoin(current, next));
        return error instanceof ParticipationAlreadyActive;
      }),
    );
    const error = failureOf(
      rejoin(startParticipation({ status: 'interested', since: '2025-01-01' }), {
        status: 'participating',
        since: '2025-02-01',
      }),
    );
    expect(error.message).toBe('Kommunen deltar allerede i prosjektet.');
  });

  it('refuses a rejoin dated before the withdrawal', () => {
    const error = failureOf(rejoin(withdrawn, { status: 'interested', since: '2024-08-31' }));
    expect(error).toBeInstanceOf(ParticipationDateBeforeLast);
  });
});

describe('participation status labels, symbols and order', () => {
  it('names and marks every status', () => {
    const table = PARTICIPATION_STATUSES.map((s) => [
      s,
      participationStatusLabel(s),
      participationStatusSymbol(s),
    ]);
    expect(table).toEqual([
      ['interested', 'Interessert', 'I'],
      ['participating', 'Deltar', 'D'],
      ['implementing', 'Gjennomfører', 'G'],
      ['completed', 'Fullført', 'F'],
      ['withdrawn', 'Trukket seg', 'T'],
    ]);
  });

  it('gives every status a distinct symbol', () => {
    expect(new Set(PARTICIPATION_STATUSES.map(participationStatusSymbol)).size).toBe(5);
  });

  it('sorts from interested to completed, withdrawn last', () => {
    const shuffled: ParticipationStatus[] = [
      'withdrawn',
      'completed',
      'interested',
      'implementing',
      'participating',
    ];
    expect(
      shuffled.sort((a, b) => participationStatusOrder(a) - participationStatusOrder(b)),
    ).toEqual(['interested', 'participating', 'implementing', 'completed', 'withdrawn']);
  });
});
