import { describe, expect, it } from 'vitest';
import {
  confirmAttributes,
  deactivateConfirmation,
  transitionConfirmation,
  withdrawConfirmation,
} from './confirm.ts';

const project = {
  noun: 'Prosjektet',
  pronoun: 'det',
  name: 'Grønn mobilitet',
  public: true,
} as const;

describe('what asks first, and in which words', () => {
  it('publishing, unpublishing and archiving ask; submitting and restoring do not', () => {
    expect(transitionConfirmation('publish', project)?.title).toBe('Publisere «Grønn mobilitet»?');
    expect(transitionConfirmation('unpublish', project)?.danger).toBe(true);
    expect(transitionConfirmation('submit', project)).toBeNull();
    expect(transitionConfirmation('restore', project)).toBeNull();
  });

  it('names the chosen time when publishing later', () => {
    expect(transitionConfirmation('publish', project, '1. mars 2026 kl. 08:00')?.message).toContain(
      'fra 1. mars 2026 kl. 08:00',
    );
  });

  it('says whether archiving takes something off the public site', () => {
    expect(transitionConfirmation('archive', project)?.message).toContain(
      'tatt bort fra det offentlige',
    );
    const draft = { ...project, noun: 'Profilen', pronoun: 'den', public: false } as const;
    expect(transitionConfirmation('archive', draft)?.message).toContain(
      'Den var ikke synlig for publikum',
    );
  });

  it('names the day a municipality withdraws from', () => {
    expect(withdrawConfirmation('Gol', 'Grønn mobilitet', '1. mars 2026').message).toContain(
      '«Trukket seg» i prosjektet fra 1. mars 2026',
    );
  });

  it('gives the form the attributes the dialog reads, and none when nothing asks', () => {
    expect(confirmAttributes(deactivateConfirmation('Rita'))).toEqual({
      'data-confirm': expect.stringContaining('Rita kan ikke lenger logge inn'),
      'data-confirm-title': 'Deaktivere Rita?',
      'data-confirm-label': 'Ja, deaktiver brukeren',
      'data-confirm-danger': '',
    });
    expect(confirmAttributes(null)).toEqual({});
  });
});
