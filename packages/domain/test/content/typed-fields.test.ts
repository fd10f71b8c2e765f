import { Result } from 'effect';
import { describe, expect, it } from 'vitest';
import {
  ContactEmail,
  decodeValue,
  MembershipStartText,
  PersonEmail,
  Phone,
  publishAtOf,
  Timestamp,
  Website,
} from '../../src/index.ts';

// Fields as an editor types them, which the API checked itself before issue 9.

const notAccepted = (schema: Parameters<typeof decodeValue>[0], values: readonly string[]) =>
  values.filter((value) => Result.isFailure(decodeValue(schema, value)));

const notRefused = (schema: Parameters<typeof decodeValue>[0], values: readonly string[]) =>
  values.filter((value) => Result.isSuccess(decodeValue(schema, value)));

describe('an organisation profile’s Website and ContactEmail', () => {
  it('take empty for none, or an address (surrounding spaces allowed)', () => {
    expect(notAccepted(Website, ['', '  ', 'https://kko.no', ' http://kko.no/klima '])).toEqual([]);
    expect(notAccepted(ContactEmail, ['', ' post@kko.no '])).toEqual([]);
  });

  it('refuse anything else with the field named in Norwegian', () => {
    expect(notRefused(Website, ['kko.no', 'ftp://kko.no', 'https://'])).toEqual([]);
    expect(decodeValue(Website, 'kko.no')).toEqual(
      Result.fail(
        'Nettstedet må være en fullstendig adresse som begynner med https:// eller http://.',
      ),
    );
    expect(decodeValue(ContactEmail, 'post@kko')).toEqual(
      Result.fail('Kontakt-e-posten må være en gyldig e-postadresse.'),
    );
  });
});

describe('a person’s email and phone', () => {
  it('take empty for none, a valid address, and 8 to 15 digits', () => {
    expect(notAccepted(PersonEmail, ['', 'Kari@Kommune.NO'])).toEqual([]);
    expect(notAccepted(Phone, ['', '900 00 000', '+47 900 00 000', '90000000'])).toEqual([]);
  });

  it('refuse a broken address and too few or foreign digits', () => {
    expect(notRefused(PersonEmail, ['kari@', 'kari kommune.no'])).toEqual([]);
    expect(notRefused(Phone, ['900 00', 'ring meg', '+47 900 00 000 000 000'])).toEqual([]);
  });
});

describe('MembershipStartText', () => {
  it('decodes a year or a day to what is known of the start', () => {
    expect(decodeValue(MembershipStartText, '2016')).toEqual(
      Result.succeed({ from: '2016-01-01', fromPrecision: 'year' }),
    );
    expect(decodeValue(MembershipStartText, '2025-03-01')).toEqual(
      Result.succeed({ from: '2025-03-01', fromPrecision: 'day' }),
    );
  });

  it('refuses Norwegian dates and years out of range, which only the admin reads', () => {
    expect(notRefused(MembershipStartText, ['1.3.2025', '1899', '2025-02-30', ''])).toEqual([]);
  });
});

describe('Timestamp and publishAtOf', () => {
  it('take an ISO time with a zone', () => {
    expect(notAccepted(Timestamp, ['2026-03-01T08:00:00Z', '2026-03-01T09:00+01:00'])).toEqual([]);
    expect(notRefused(Timestamp, ['2026-03-01T08:00:00', '2026-13-01T08:00:00Z', '1'])).toEqual([]);
  });

  it('set a publication time only by publishing', () => {
    expect(publishAtOf('publish', '2026-03-01T08:00:00Z')).toEqual(
      Result.succeed(new Date('2026-03-01T08:00:00Z')),
    );
    expect(publishAtOf('publish', null)).toEqual(Result.succeed(null));
    expect(publishAtOf('archive', undefined)).toEqual(Result.succeed(undefined));
    expect(Result.isFailure(publishAtOf('submit', '2026-03-01T08:00:00Z'))).toBe(true);
  });
});
