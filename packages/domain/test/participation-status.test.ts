import { describe, expect, it } from 'vitest';
import {
  PARTICIPATION_STATUSES,
  type ParticipationStatus,
  participationStatusLabel,
  participationStatusOrder,
  participationStatusSymbol,
} from '../src/index.ts';

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
