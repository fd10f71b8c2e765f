import { IsoDate, Uuid } from '@klimakommuner/domain';
import { describe, expect, it } from 'vitest';
import { formOf } from '../../test/forms.ts';
import { fits, markdown, parseVersion, raw, rowOf, text, texts } from './forms.ts';

describe('reading a submitted form', () => {
  it('trims text, keeps passwords and Markdown as typed, and reads missing fields as empty', () => {
    const form = formOf([
      ['name', '  Asker  '],
      ['password', '  mellomrom teller  '],
      ['body', '# Tittel\r\n\r\n  innrykk\r\n'],
    ]);
    expect(text(form, 'name')).toBe('Asker');
    expect(raw(form, 'password')).toBe('  mellomrom teller  ');
    expect(markdown(form, 'body')).toBe('# Tittel\n\n  innrykk\n');
    expect(text(form, 'finnes-ikke')).toBe('');
  });

  it('reads a repeated field in form order', () => {
    const form = formOf([
      ['themes', 'mobilitet'],
      ['themes', ' mat '],
    ]);
    expect(texts(form, 'themes')).toEqual(['mobilitet', 'mat']);
  });

  it('takes a version only as digits', () => {
    expect(parseVersion('3')).toBe(3);
    for (const bad of ['', '-1', '1.5', '3a', '1'.repeat(16)])
      expect(parseVersion(bad), bad).toBeNull();
  });

  it('checks values with the domain’s schemas', () => {
    expect(fits(IsoDate, '2024-02-29')).toBe(true);
    expect(fits(IsoDate, '2023-02-29')).toBe(false);
    expect(fits(Uuid, 'ikke-en-id')).toBe(false);
  });

  it('reads a row’s id and version only when the id is a record id and the version a number', () => {
    const id = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    expect(
      rowOf(
        formOf([
          ['id', id],
          ['version', '2'],
        ]),
      ),
    ).toEqual({ id, version: 2 });
    expect(
      rowOf(
        formOf([
          ['id', 'x'],
          ['version', '2'],
        ]),
      ),
    ).toBeNull();
    expect(rowOf(formOf([['id', id]]))).toBeNull();
  });
});
