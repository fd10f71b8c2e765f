import { Schema } from 'effect';
import { formatDateNb } from './dates.ts';

/** Why a project's dates do not hold together. */
export const ProjectDatesProblem = Schema.Literals([
  'end-before-start',
  'completed-without-start',
  'completed-without-end',
]);
export type ProjectDatesProblem = typeof ProjectDatesProblem.Type;

/** The end date lies before the start date, or a completed project lacks a start or an end. */
export class ProjectDatesInvalid extends Schema.TaggedError<ProjectDatesInvalid>()(
  'ProjectDatesInvalid',
  {
    problem: ProjectDatesProblem,
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
  override get message(): string {
    return 'Prosjektet kan ikke publiseres uten minst én prosjektleder og ett tema.';
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
