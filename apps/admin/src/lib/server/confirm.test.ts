import { describe, expect, it } from 'vitest';
import { deactivateConfirmation } from '../confirm.ts';
import { askFirst, isConfirmed } from './confirm.ts';

describe('asking first without JavaScript', () => {
  it('answers with a confirmation page that sends the same fields again, confirmed', () => {
    const form = new FormData();
    form.append('version', '3');
    form.append('active', 'false');
    form.append('bekreftet', 'nei');
    const url = new URL('http://admin.test/brukere/42?/status');
    const asked = askFirst({ url }, form, deactivateConfirmation('Rita'));
    expect(asked.kind).toBe('confirm');
    expect(asked.confirm.action).toBe('/brukere/42?/status');
    expect(asked.confirm.cancelHref).toBe('/brukere/42');
    expect(asked.confirm.fields).toEqual([
      ['version', '3'],
      ['active', 'false'],
    ]);
  });

  it('counts a form as confirmed only with bekreftet=ja', () => {
    const form = new FormData();
    expect(isConfirmed(form)).toBe(false);
    form.append('bekreftet', 'ja');
    expect(isConfirmed(form)).toBe(true);
  });
});
