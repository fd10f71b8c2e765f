import { Result, Schema } from 'effect';
import { describe, expect, it } from 'vitest';
import {
  CountyNumber,
  Cursor,
  decodeFields,
  decodeValue,
  Email,
  HttpUrl,
  IsoDate,
  MunicipalityNumber,
  ParticipationStatus,
  ProjectStatus,
  Slug,
  Status,
  Uuid,
  withMessage,
} from '../../src/index.ts';

const accepts = (schema: Schema.ConstraintDecoder<unknown>, value: unknown) =>
  Result.isSuccess(decodeValue(schema, value));

const messageOf = (schema: Schema.ConstraintDecoder<unknown>, value: unknown) =>
  Result.match(decodeValue(schema, value), { onSuccess: () => null, onFailure: (m) => m });

describe('the value schemas', () => {
  it('Slug takes hyphen-joined lower-case words of at most 100 characters', () => {
    expect(accepts(Slug, 'nord-fron-2030')).toBe(true);
    expect(accepts(Slug, 'a'.repeat(100))).toBe(true);
    for (const bad of ['', '-a', 'a-', 'a--b', 'Ås', 'a b', 'a'.repeat(101), 'a\u0000']) {
      expect(accepts(Slug, bad), bad).toBe(false);
    }
    expect(messageOf(Slug, 'a--b')).toBe(
      'Kan bare inneholde små bokstaver a–z, sifre og enkle bindestreker.',
    );
    expect(messageOf(Slug, 'a\u0000')).toMatch(/tegn som ikke kan lagres/);
  });

  it('IsoDate takes a real day from 1900 to 2999', () => {
    expect(accepts(IsoDate, '2024-02-29')).toBe(true);
    for (const bad of ['2023-02-29', '2026-13-01', '1899-12-31', '3000-01-01', '2026-1-1']) {
      expect(accepts(IsoDate, bad), bad).toBe(false);
    }
    expect(messageOf(IsoDate, '2026-13-01')).toBe(
      'Må være en dato på formen ÅÅÅÅ-MM-DD, fra år 1900 til 2999.',
    );
  });

  it('MunicipalityNumber and CountyNumber take four and two ASCII digits', () => {
    expect(accepts(MunicipalityNumber, '3301')).toBe(true);
    expect(messageOf(MunicipalityNumber, '330')).toBe('Må være et kommunenummer med fire sifre.');
    expect(accepts(MunicipalityNumber, '٣٣٠١')).toBe(false);
    expect(accepts(CountyNumber, '33')).toBe(true);
    expect(messageOf(CountyNumber, '3')).toBe('Må være et fylkesnummer med to sifre.');
  });

  it('HttpUrl takes absolute http(s) addresses of at most 2000 characters', () => {
    expect(accepts(HttpUrl, 'https://kommune.no/klima')).toBe(true);
    for (const bad of ['kommune.no', 'ftp://kommune.no', 'javascript:alert(1)', 'https://a b']) {
      expect(accepts(HttpUrl, bad), bad).toBe(false);
    }
    expect(accepts(HttpUrl, `https://a.no/${'x'.repeat(2000)}`)).toBe(false);
  });

  it('Email takes what normalises to a valid address, and keeps it as typed', () => {
    expect(decodeValue(Email, ' Navn@Kommune.NO ')).toEqual(Result.succeed(' Navn@Kommune.NO '));
    expect(messageOf(Email, 'navn@kommune')).toBe(
      'Må være en gyldig e-postadresse, som navn@kommune.no.',
    );
    expect(messageOf(Email, '')).toBe('Må fylles ut.');
  });

  it('Uuid takes record ids, and withMessage names the field in the message', () => {
    expect(accepts(Uuid, '0b6c1e4a-4d0e-4c56-9a44-8c6f2d1e9b10')).toBe(true);
    expect(messageOf(Uuid, 'x')).toBe('Må være en gyldig id.');
    const Contact = withMessage(Uuid, 'Kontaktpersonen må være en gyldig id.');
    expect(messageOf(Contact, 'x')).toBe('Kontaktpersonen må være en gyldig id.');
    expect(messageOf(Contact, 'x\u0000')).toMatch(/tegn som ikke kan lagres/);
  });

  it('Cursor is at most 200 characters, as the API hands them out', () => {
    expect(accepts(Cursor, 'x'.repeat(200))).toBe(true);
    expect(messageOf(Cursor, 'x'.repeat(201))).toBe('Kan ikke være lengre enn 200 tegn.');
  });

  it('the status literals answer in Norwegian', () => {
    expect(accepts(ProjectStatus, 'ongoing')).toBe(true);
    expect(messageOf(ProjectStatus, 'done')).toMatch(/^Må være en prosjektstatus/);
    expect(messageOf(ParticipationStatus, 'done')).toMatch(/^Må være en deltakelsesstatus/);
    expect(messageOf(Status, 'done')).toMatch(/^Må være en publiseringsstatus/);
  });

  it('a value of the wrong type is named in Norwegian', () => {
    expect(messageOf(Slug, 42)).toBe('Må være tekst.');
  });
});

describe('decodeFields', () => {
  const Filter = Schema.Struct({ tema: Schema.optionalKey(Slug), kommune: MunicipalityNumber });

  it('reports every field with a problem, at its path', () => {
    const result = decodeFields(Filter, { tema: 'A', kommune: '1' });
    expect(result).toEqual(
      Result.fail([
        {
          path: ['tema'],
          message: 'Kan bare inneholde små bokstaver a–z, sifre og enkle bindestreker.',
        },
        { path: ['kommune'], message: 'Må være et kommunenummer med fire sifre.' },
      ]),
    );
  });

  it('names a missing field and decodes a valid struct', () => {
    expect(decodeFields(Filter, {})).toEqual(
      Result.fail([{ path: ['kommune'], message: 'Feltet må fylles ut.' }]),
    );
    expect(decodeFields(Filter, { kommune: '3301' })).toEqual(Result.succeed({ kommune: '3301' }));
  });
});
