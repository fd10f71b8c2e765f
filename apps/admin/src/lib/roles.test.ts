import { describe, expect, it } from 'vitest';
import { roleFrom, roleText, sameRole } from './roles.ts';

describe('a role from the user forms', () => {
  it('is an administrator alone, or an editor or contributor in an organisation', () => {
    expect(roleFrom('admin', 'ken')).toEqual({ ok: true, role: { role: 'admin' } });
    expect(roleFrom('editor', 'ken')).toEqual({
      ok: true,
      role: { role: 'editor', organisation: 'ken' },
    });
  });

  it('says which select to fix', () => {
    expect(roleFrom('editor', '')).toEqual({
      ok: false,
      field: 'organisation',
      message: 'Velg organisasjonen rollen gjelder.',
    });
    expect(roleFrom('contributor', 'Ikke en slug')).toMatchObject({
      ok: false,
      field: 'organisation',
    });
    expect(roleFrom('superbruker', 'ken')).toEqual({
      ok: false,
      field: 'role',
      message: 'Velg en rolle.',
    });
  });

  it('compares roles by what they give access to', () => {
    expect(
      sameRole({ role: 'editor', organisation: 'ken' }, { role: 'editor', organisation: 'ken' }),
    ).toBe(true);
    expect(
      sameRole(
        { role: 'editor', organisation: 'ken' },
        { role: 'contributor', organisation: 'ken' },
      ),
    ).toBe(false);
    expect(sameRole({ role: 'admin' }, { role: 'admin' })).toBe(true);
  });

  it('reads as one string with the organisation’s name', () => {
    const name = (slug: string) => (slug === 'ken' ? 'KEN' : slug);
    expect(roleText({ role: 'editor', organisation: 'ken' }, name)).toBe('Redaktør i KEN');
    expect(roleText({ role: 'admin' }, name)).toBe('Administrator');
  });
});
