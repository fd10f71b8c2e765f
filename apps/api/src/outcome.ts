import type { Outcome } from '@klimakommuner/db';
import { DomainError, notFound } from './errors.ts';

const NOT_FOUND: Readonly<Record<string, string>> = {
  organisation: 'Fant ikke organisasjonen.',
  municipality: 'Fant ikke kommunen.',
  region: 'Fant ikke regionen.',
  membership: 'Fant ikke medlemskapet.',
  user: 'Fant ikke brukeren.',
  token: 'Fant ikke API-nøkkelen.',
  project: 'Fant ikke prosjektet.',
  participation: 'Fant ikke deltakelsen.',
  person: 'Fant ikke personen.',
  theme: 'Fant ikke temaet.',
};

/**
 * The value of a db write, or the error a client sees: stale → CONFLICT with `data.current`
 * (the stored record as `view` shows it), not-found → NOT_FOUND, refused → the rule's error.
 */
export const unwrap = <T, E, V>(outcome: Outcome<T, E>, view: (value: T) => V): V => {
  switch (outcome.kind) {
    case 'ok':
      return view(outcome.value);
    case 'stale':
      throw new DomainError('CONFLICT', 'StaleVersion', outcome.error.message, outcome.error, {
        data: { current: view(outcome.current) },
      });
    case 'not-found':
      throw notFound(NOT_FOUND[outcome.error.recordType ?? ''] ?? outcome.error.message);
    case 'refused':
      throw outcome.error;
  }
};
