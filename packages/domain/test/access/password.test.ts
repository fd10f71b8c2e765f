import { Result } from 'effect';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  checkPasswordPolicy,
  isValidEmail,
  normaliseEmail,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PasswordTooCommon,
  PasswordTooLong,
  PasswordTooShort,
} from '../../src/index.ts';
import { failureOf } from '../run.ts';

const never = () => false;
const repeat = (unit: string, n: number): string => Array.from({ length: n }, () => unit).join('');

describe('checkPasswordPolicy', () => {
  it('has the documented limits', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(PASSWORD_MAX_LENGTH).toBe(256);
  });

  it('refuses 11 characters and accepts 12', () => {
    const short = failureOf(checkPasswordPolicy('a'.repeat(11), never));
    expect(short).toBeInstanceOf(PasswordTooShort);
    expect(short.message).toBe('Passordet må ha minst 12 tegn.');
    expect(checkPasswordPolicy('a'.repeat(12), never)).toEqual(Result.succeed('a'.repeat(12)));
  });

  it('accepts 256 characters and refuses 257', () => {
    expect(Result.isSuccess(checkPasswordPolicy('b'.repeat(256), never))).toBe(true);
    const long = failureOf(checkPasswordPolicy('b'.repeat(257), never));
    expect(long).toBeInstanceOf(PasswordTooLong);
    expect(long.message).toBe('Passordet kan ha høyst 256 tegn.');
  });

  it('counts code points, so an emoji or æ, ø, å is one character', () => {
    // '🌲' is two UTF-16 code units: 11 of them are 22 units but still too short.
    expect(failureOf(checkPasswordPolicy(repeat('🌲', 11), never))).toBeInstanceOf(
      PasswordTooShort,
    );
    expect(Result.isSuccess(checkPasswordPolicy(repeat('🌲', 12), never))).toBe(true);
    expect(Result.isSuccess(checkPasswordPolicy(repeat('🌲', 256), never))).toBe(true);
    expect(failureOf(checkPasswordPolicy(repeat('🌲', 257), never))).toBeInstanceOf(
      PasswordTooLong,
    );
    expect(failureOf(checkPasswordPolicy('æøåÆØÅ🌲æøå🌲', never))).toBeInstanceOf(PasswordTooShort);
    expect(Result.isSuccess(checkPasswordPolicy('æøåÆØÅ🌲æøå🌲x', never))).toBe(true);
    expect(Result.isSuccess(checkPasswordPolicy(`${repeat('æ', 255)}🌲`, never))).toBe(true);
    expect(failureOf(checkPasswordPolicy(`${repeat('ø', 256)}🌲`, never))).toBeInstanceOf(
      PasswordTooLong,
    );
  });

  it('never truncates: two long passwords that differ only at the end are both refused', () => {
    const first = `${'x'.repeat(299)}1`;
    const second = `${'x'.repeat(299)}2`;
    const isCommon = vi.fn(never);
    expect(failureOf(checkPasswordPolicy(first, isCommon))).toBeInstanceOf(PasswordTooLong);
    expect(failureOf(checkPasswordPolicy(second, isCommon))).toBeInstanceOf(PasswordTooLong);
    expect(isCommon).not.toHaveBeenCalled();
  });

  it('returns the password unchanged when it passes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 12, maxLength: 100 }), (password) => {
        const length = [...password].length;
        const result = checkPasswordPolicy(password, never);
        return length >= 12 && length <= 256
          ? Result.isSuccess(result) && result.success === password
          : Result.isFailure(result);
      }),
    );
  });

  it('asks the common list about the NFKC-normalised, lower-cased password', () => {
    const isCommon = vi.fn((normalised: string) => normalised === 'passord12345678');
    // Full-width digits and upper case letters fold to the listed password.
    const error = failureOf(checkPasswordPolicy('PassORD１２３４５６７８', isCommon));
    expect(isCommon).toHaveBeenCalledWith('passord12345678');
    expect(error).toBeInstanceOf(PasswordTooCommon);
    expect(error.message).toBe('Passordet er for vanlig. Velg et som er vanskeligere å gjette.');
  });

  it('does not ask the common list about a password that is too short', () => {
    const isCommon = vi.fn(() => true);
    expect(failureOf(checkPasswordPolicy('kort', isCommon))).toBeInstanceOf(PasswordTooShort);
    expect(isCommon).not.toHaveBeenCalled();
  });
});

describe('normaliseEmail', () => {
  it('trims, lower-cases and applies NFKC', () => {
    expect(normaliseEmail('  Kari.Nordmann@Eksempel.NO \n')).toBe('kari.nordmann@eksempel.no');
    expect(normaliseEmail('ÅSE@KOMMUNE.NO')).toBe('åse@kommune.no');
    // Full-width letters and the decomposed å (a + ring) become their plain forms.
    expect(normaliseEmail('ＫＡＲＩ@a\u030Amot.kommune.no')).toBe('kari@åmot.kommune.no');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => normaliseEmail(normaliseEmail(s)) === normaliseEmail(s)),
    );
  });
});

describe('isValidEmail', () => {
  it('accepts plain addresses', () => {
    for (const email of ['kari@eksempel.no', 'a@b.c', 'post+klima@ål.kommune.no']) {
      expect(isValidEmail(email), email).toBe(true);
    }
  });

  it('refuses what is clearly not an address', () => {
    for (const email of [
      '',
      'kari',
      '@eksempel.no',
      'kari@',
      'kari@eksempel',
      'kari@@eksempel.no',
      'kari@eks@empel.no',
      'kari nordmann@eksempel.no',
      'kari@eksempel.no ',
      'kari@eksem\tpel.no',
      'kari@.no',
      'kari@eksempel.',
    ]) {
      expect(isValidEmail(email), JSON.stringify(email)).toBe(false);
    }
  });

  it('allows at most 254 characters', () => {
    const at254 = `${'k'.repeat(254 - '@eksempel.no'.length)}@eksempel.no`;
    expect(at254).toHaveLength(254);
    expect(isValidEmail(at254)).toBe(true);
    expect(isValidEmail(`k${at254}`)).toBe(false);
  });
});
