import { describe, expect, it } from 'vitest';
import { formOf } from '../../test/forms.ts';
import { readTransition } from './transition-form.ts';

describe('a workflow transition form', () => {
  it('reads the transition and the version', () => {
    expect(readTransition(formOf({ transition: 'archive', version: '4' }))).toEqual({
      transition: 'archive',
      version: 4,
      publishAtLocal: '',
    });
  });

  it('takes «Publiser fra» in Norwegian time as an instant, only when publishing', () => {
    const winter = readTransition(
      formOf({ transition: 'publish', version: '1', publishAt: '2026-03-01T08:00' }),
    );
    expect(winter?.publishAt).toBe('2026-03-01T07:00:00.000Z');
    const summer = readTransition(
      formOf({ transition: 'publish', version: '1', publishAt: '2026-07-01T08:00' }),
    );
    expect(summer?.publishAt).toBe('2026-07-01T06:00:00.000Z');
    const other = readTransition(
      formOf({ transition: 'submit', version: '1', publishAt: '2026-07-01T08:00' }),
    );
    expect(other?.publishAt).toBeUndefined();
  });

  it('says so next to the field when «Publiser fra» is not a time', () => {
    const request = readTransition(
      formOf({ transition: 'publish', version: '1', publishAt: 'i morgen' }),
    );
    expect(request?.publishAtError).toBe(
      'Skriv dato og klokkeslett, for eksempel 01.03.2026 kl. 08:00.',
    );
    expect(request?.publishAtLocal).toBe('i morgen');
  });

  it('refuses a «Publiser fra» the clock skips when summer time begins, saying why', () => {
    const request = readTransition(
      formOf({ transition: 'publish', version: '1', publishAt: '2027-03-28T02:15' }),
    );
    expect(request?.publishAt).toBeUndefined();
    expect(request?.publishAtError).toMatch(/^Klokka 02\.15 finnes ikke natt til 28\.03\.2027/);
  });

  it('is not our form without a known transition and a version', () => {
    expect(readTransition(formOf({ transition: 'delete', version: '1' }))).toBeNull();
    expect(readTransition(formOf({ transition: 'publish' }))).toBeNull();
  });
});
