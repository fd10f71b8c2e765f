import { describe, expect, it } from 'vitest';
import { DASHBOARD, safeReturnPath } from './return-path.ts';

describe('safeReturnPath', () => {
  it.each([
    ['/prosjekter', '/prosjekter'],
    ['/organisasjoner/ken/profil', '/organisasjoner/ken/profil'],
    ['/logg?fra=abc&til=x', '/logg?fra=abc&til=x'],
    ['/prosjekter/a/../b', '/prosjekter/b'],
    ['/kommuner?q=bærum', '/kommuner?q=b%C3%A6rum'],
    ['/prosjekter#delta', '/prosjekter'],
  ])('keeps the path on this site: %s → %s', (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it.each([
    null,
    undefined,
    '',
    'prosjekter',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/..//evil.example',
    '/../..//evil.example',
    '/./..//evil.example',
    '/%2e%2e//evil.example',
    '/%2E%2E/%2Fevil.example',
    '/%2F%2Fevil.example',
    '/%2f/evil.example',
    '%2F%2Fevil.example',
    '/%5Cevil.example',
    '/%5cevil.example',
    '/%255C%255Cevil.example',
    '/%252F%252Fevil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/%09/evil.example',
    '/%0a/evil.example',
    '/%0d%0aSet-Cookie:x=y',
    '/%00',
    '/ /evil.example',
    '\t//evil.example',
    ' /prosjekter',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '/javascript:alert(1)//%0aalert(1)',
    'https://evil.example/',
    'http:/evil.example',
    'http:evil.example',
    '//evil.example/%2F..',
    '/\u2028/evil.example',
    '/%E2%80%A8/evil.example',
    '/%',
    '/%E0%A4%A',
    '/logg-inn',
    '/logg-inn?til=/prosjekter',
    '/logg-ut',
    `/${'a'.repeat(3000)}`,
  ])('falls back to the dashboard for %j', (value) => {
    expect(safeReturnPath(value as string | null)).toBe(DASHBOARD);
  });

  it('never returns anything a browser could read as another origin', () => {
    const pieces = [
      '/',
      '\\',
      '.',
      '..',
      '%2F',
      '%5C',
      '%2e',
      '%09',
      '\t',
      '\n',
      'evil',
      ':',
      '@',
      '?',
      '#',
    ];
    const base = 'https://redaksjon.example.no';
    for (const a of pieces) {
      for (const b of pieces) {
        for (const c of pieces) {
          const value = `/${a}${b}${c}`;
          const result = safeReturnPath(value);
          expect(new URL(result, base).origin, value).toBe(base);
          expect(result.startsWith('//') || result.includes('\\'), value).toBe(false);
        }
      }
    }
  });
});
