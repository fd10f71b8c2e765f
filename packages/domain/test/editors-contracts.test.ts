import type { Effect } from 'effect';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  Action,
  Actor,
  Forbidden,
  InvalidTransition,
  NotSignedIn,
  OrganisationDetail,
  OrganisationProfile,
  PasswordTooCommon,
  PasswordTooLong,
  PasswordTooShort,
  Resource,
  Role,
  Status,
  Transition,
} from '../src/index.ts';
import * as domain from '../src/index.ts';

// The signatures of docs/contracts-editors.md that db, api and admin code against.
describe('contract for the editors issue', () => {
  it('exports the documented functions with the documented types', () => {
    expectTypeOf(domain.checkPasswordPolicy).toEqualTypeOf<
      (
        password: string,
        isCommon: (normalised: string) => boolean,
      ) => Effect.Effect<string, PasswordTooShort | PasswordTooLong | PasswordTooCommon>
    >();
    expectTypeOf(domain.normaliseEmail).toEqualTypeOf<(email: string) => string>();
    expectTypeOf(domain.isValidEmail).toEqualTypeOf<(email: string) => boolean>();
    expectTypeOf(domain.can).toEqualTypeOf<
      (actor: Actor, action: Action, resource: Resource) => boolean
    >();
    expectTypeOf(domain.authorize).toEqualTypeOf<
      (
        actor: Actor,
        action: Action,
        resource: Resource,
      ) => Effect.Effect<void, NotSignedIn | Forbidden>
    >();
    expectTypeOf(domain.organisationsOf).toEqualTypeOf<(actor: Actor) => readonly string[]>();
    expectTypeOf(domain.transition).returns.toEqualTypeOf<
      Effect.Effect<Status, InvalidTransition>
    >();
    expectTypeOf(domain.actionFor).toEqualTypeOf<(t: Transition) => Action>();
    expectTypeOf(domain.editAction).toEqualTypeOf<(status: Status) => Action>();
    expectTypeOf(domain.statusLabel).toEqualTypeOf<(status: Status) => string>();
  });

  it('declares the documented unions', () => {
    expectTypeOf<Status>().toEqualTypeOf<'draft' | 'in_review' | 'published' | 'archived'>();
    expectTypeOf<Transition>().toEqualTypeOf<
      'submit' | 'publish' | 'unpublish' | 'archive' | 'restore'
    >();
    expectTypeOf<Role['role']>().toEqualTypeOf<'admin' | 'editor' | 'contributor'>();
    expectTypeOf<Actor['kind']>().toEqualTypeOf<'anonymous' | 'user' | 'token'>();
    expectTypeOf<OrganisationDetail['profile']>().toEqualTypeOf<OrganisationProfile | null>();
  });

  it('speaks Norwegian in every error', () => {
    expect(new domain.StaleVersion().message).toBe(
      'Noen andre har endret dette mens du redigerte. Se endringene deres under, og lagre på nytt.',
    );
    expect(new domain.Forbidden().message).toBe('Du har ikke tilgang til å gjøre dette.');
    expect(new domain.InvalidCredentials().message).toBe('Feil e-post eller passord.');
    expect(new domain.NotSignedIn().message).toBe('Du må logge inn for å gjøre dette.');
    expect(new domain.NotFound().message).toBe('Fant ikke det du lette etter.');
    const wait = new domain.TooManyAttempts({ retryAfterSeconds: 900 });
    expect(wait._tag).toBe('TooManyAttempts');
    expect(wait.retryAfterSeconds).toBe(900);
    expect(wait.message).toBe('For mange mislykkede innloggingsforsøk. Prøv igjen om 15 minutter.');
    expect(new domain.TooManyAttempts({ retryAfterSeconds: 30 }).message).toContain('om et minutt');
  });
});
