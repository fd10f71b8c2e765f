import type { Result } from 'effect';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  Action,
  Actor,
  DomainErrorTag,
  Forbidden,
  InvalidMunicipalityNumber,
  InvalidTransition,
  IsoDate,
  Member,
  MemberRef,
  Membership,
  MembershipEndsBeforeStart,
  MembershipOverlap,
  MunicipalityCountyMismatch,
  NotSignedIn,
  OrganisationDetail,
  OrganisationProfile,
  PasswordTooCommon,
  PasswordTooLong,
  PasswordTooShort,
  RegionRecord,
  Resource,
  Role,
  Status,
  Transition,
} from '../src/index.ts';
import * as domain from '../src/index.ts';

// The signatures other packages code against (docs/contracts.md); tsc fails if one drifts.
describe('contract with the other packages', () => {
  it('exports the documented functions with the documented types', () => {
    expectTypeOf(domain.slugify).toEqualTypeOf<(name: string) => string>();
    expectTypeOf(domain.uniqueSlug).toEqualTypeOf<
      (name: string, taken: ReadonlySet<string>) => string
    >();
    expectTypeOf(domain.isActiveOn).parameters.toEqualTypeOf<
      [{ readonly from: IsoDate; readonly to: IsoDate | null }, IsoDate]
    >();
    expectTypeOf(domain.membersOn).toEqualTypeOf<
      (
        organisation: string,
        date: IsoDate,
        memberships: readonly Membership[],
        regions: readonly RegionRecord[],
      ) => readonly Member[]
    >();
    expectTypeOf(domain.checkMembership).returns.toEqualTypeOf<
      Result.Result<Membership, MembershipOverlap | MembershipEndsBeforeStart>
    >();
    expectTypeOf(domain.checkMunicipalityNumber).returns.toEqualTypeOf<
      Result.Result<string, InvalidMunicipalityNumber | MunicipalityCountyMismatch>
    >();
  });

  it('describes memberships and members with the documented fields', () => {
    expectTypeOf<MemberRef>().toEqualTypeOf<
      | { readonly kind: 'municipality'; readonly number: string }
      | { readonly kind: 'region'; readonly slug: string }
    >();
    expectTypeOf<Membership>().toEqualTypeOf<{
      readonly id: string;
      readonly organisation: string;
      readonly member: MemberRef;
      readonly from: IsoDate;
      readonly to: IsoDate | null;
    }>();
    expectTypeOf<Member>().toEqualTypeOf<{
      readonly municipality: string;
      readonly via: string | null;
      readonly from: IsoDate;
      readonly to: IsoDate | null;
    }>();
  });
});

// The signatures of docs/contracts-editors.md that db, api and admin code against.
describe('contract for the editors issue', () => {
  it('exports the documented functions with the documented types', () => {
    expectTypeOf(domain.checkPasswordPolicy).toEqualTypeOf<
      (
        password: string,
        isCommon: (normalised: string) => boolean,
      ) => Result.Result<string, PasswordTooShort | PasswordTooLong | PasswordTooCommon>
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
      ) => Result.Result<void, NotSignedIn | Forbidden>
    >();
    expectTypeOf(domain.organisationsOf).toEqualTypeOf<(actor: Actor) => readonly string[]>();
    expectTypeOf(domain.transition).returns.toEqualTypeOf<
      Result.Result<Status, InvalidTransition>
    >();
    expectTypeOf(domain.actionFor).toEqualTypeOf<(t: Transition) => Action>();
    expectTypeOf(domain.editAction).toEqualTypeOf<(status: Status) => Action>();
    expectTypeOf(domain.statusLabel).toEqualTypeOf<(status: Status) => string>();
  });

  it('gathers every error class of every aggregate in DomainError', () => {
    expectTypeOf<DomainErrorTag>().toEqualTypeOf<
      | 'NotSignedIn'
      | 'Forbidden'
      | 'InvalidCredentials'
      | 'TooManyAttempts'
      | 'PasswordTooShort'
      | 'PasswordTooLong'
      | 'PasswordTooCommon'
      | 'EmailTaken'
      | 'StaleVersion'
      | 'NotFound'
      | 'InvalidTransition'
      | 'OsloTimeInvalid'
      | 'OsloTimeSkipped'
      | 'EventEndsBeforeStart'
      | 'EventWithoutPlace'
      | 'RegistrationDeadlineInvalid'
      | 'EventStatusReasonMissing'
      | 'PublishAtWithoutPublish'
      | 'InvalidMunicipalityNumber'
      | 'MunicipalityCountyMismatch'
      | 'UnknownMunicipalityNumber'
      | 'MembershipOverlap'
      | 'MembershipEndsBeforeStart'
      | 'LogoAltTextMissing'
      | 'LogoNotAnImage'
      | 'ProjectDatesInvalid'
      | 'ProjectNotPublishable'
      | 'NotAMemberOfOwner'
      | 'ParticipationDateBeforeLast'
      | 'ParticipationUnchanged'
      | 'ParticipationAlreadyActive'
      | 'LeaderNotOfOwner'
      | 'ContactNotCandidate'
      | 'ResourceNotPublishable'
      | 'AttachmentTitleMissing'
      | 'AttachmentAltTextMissing'
      | 'ResourceProjectNotOfOwner'
      | 'ResourceDatesInvalid'
      | 'ArticleNotPublishable'
      | 'ArticleImageAltTextMissing'
      | 'ArticleImageNotAnImage'
      | 'ArticleProjectNotOfPublisher'
    >();
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
    expect(new domain.NotFound({ recordType: 'project' }).message).toBe('Fant ikke prosjektet.');
    const wait = new domain.TooManyAttempts({ retryAfterSeconds: 900 });
    expect(wait._tag).toBe('TooManyAttempts');
    expect(wait.retryAfterSeconds).toBe(900);
    expect(wait.message).toBe('For mange mislykkede innloggingsforsøk. Prøv igjen om 15 minutter.');
    expect(new domain.TooManyAttempts({ retryAfterSeconds: 30 }).message).toContain('om et minutt');
  });
});
