import { Schema } from 'effect';
import { formatDateNb } from '../content/dates.ts';
import { ParticipationStatus, participationStatusLabel } from './participation-status.ts';

// Only error classes live here: the union of every aggregate's errors is DomainError (../errors.ts).

/** The end date lies before the start date, or a completed project lacks a start or an end. */
export class ProjectDatesInvalid extends Schema.TaggedError<ProjectDatesInvalid>()(
  'ProjectDatesInvalid',
  {
    problem: Schema.Literals([
      'end-before-start',
      'completed-without-start',
      'completed-without-end',
    ]),
    startDate: Schema.NullOr(Schema.String),
    endDate: Schema.NullOr(Schema.String),
  },
) {
  override get message(): string {
    if (this.problem === 'completed-without-start')
      return 'Et fullført prosjekt må ha en startdato.';
    if (this.problem === 'completed-without-end') return 'Et fullført prosjekt må ha en sluttdato.';
    return `Prosjektet kan ikke slutte ${formatDateNb(this.endDate ?? '')} når det begynner ${formatDateNb(this.startDate ?? '')}: sluttdatoen må være samme dag som eller etter startdatoen.`;
  }
}

/** A project needs at least one leader and one theme before it can be published. */
export class ProjectNotPublishable extends Schema.TaggedError<ProjectNotPublishable>()(
  'ProjectNotPublishable',
  { missingLeader: Schema.Boolean, missingTheme: Schema.Boolean },
) {
  /** What is missing, so that the editor knows what to add. */
  override get message(): string {
    const missing = [
      ...(this.missingLeader ? ['legg til minst én prosjektleder'] : []),
      ...(this.missingTheme ? ['velg minst ett tema'] : []),
    ];
    return `Prosjektet kan ikke publiseres ennå: ${missing.join(', og ')}.`;
  }
}

/** The municipality is not a member of the project's owner organisation on the given day. */
export class NotAMemberOfOwner extends Schema.TaggedError<NotAMemberOfOwner>()(
  'NotAMemberOfOwner',
  {
    municipality: Schema.String,
    municipalityName: Schema.String,
    organisation: Schema.String,
    organisationName: Schema.String,
    date: Schema.String,
  },
) {
  override get message(): string {
    return `${this.municipalityName} er ikke medlem av ${this.organisationName} ${formatDateNb(this.date)}, og kan derfor ikke delta i prosjektet.`;
  }
}

/** A status change dated before the participation's latest change. */
export class ParticipationDateBeforeLast extends Schema.TaggedError<ParticipationDateBeforeLast>()(
  'ParticipationDateBeforeLast',
  { since: Schema.String, latest: Schema.String },
) {
  override get message(): string {
    return `Endringen kan ikke gjelde fra ${formatDateNb(this.since)}, fordi deltakelsen sist ble endret ${formatDateNb(this.latest)}. Velg ${formatDateNb(this.latest)} eller en senere dato.`;
  }
}

/** The participation already has the status it is being changed to. */
export class ParticipationUnchanged extends Schema.TaggedError<ParticipationUnchanged>()(
  'ParticipationUnchanged',
  { status: ParticipationStatus },
) {
  override get message(): string {
    return `Deltakelsen har allerede deltakelsesstatus «${participationStatusLabel(this.status)}».`;
  }
}

/** Only a withdrawn participation can be joined again. */
export class ParticipationAlreadyActive extends Schema.TaggedError<ParticipationAlreadyActive>()(
  'ParticipationAlreadyActive',
  { status: ParticipationStatus },
) {
  override get message(): string {
    return 'Kommunen deltar allerede i prosjektet.';
  }
}

export const LEADER_NOT_OF_OWNER_MESSAGE =
  'En prosjektleder må høre til organisasjonen som eier prosjektet.';

export const CONTACT_NOT_CANDIDATE_MESSAGE =
  'Kontaktpersonen må høre til organisasjonen som eier prosjektet eller til kommunen som deltar.';

/** A leader who does not belong to the project's owner organisation. */
export class LeaderNotOfOwner extends Schema.TaggedError<LeaderNotOfOwner>()('LeaderNotOfOwner', {
  person: Schema.String,
}) {
  override get message(): string {
    return LEADER_NOT_OF_OWNER_MESSAGE;
  }
}

/** A contact who belongs neither to the owner nor to the participating municipality. */
export class ContactNotCandidate extends Schema.TaggedError<ContactNotCandidate>()(
  'ContactNotCandidate',
  { person: Schema.String },
) {
  override get message(): string {
    return CONTACT_NOT_CANDIDATE_MESSAGE;
  }
}
