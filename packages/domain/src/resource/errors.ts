import { Schema } from 'effect';
import { formatDateNb } from '../content/dates.ts';

// Only error classes live here: the union of every aggregate's errors is DomainError (../errors.ts).

/** A resource needs a theme and something to fetch (an attachment or a link) to be published. */
export class ResourceNotPublishable extends Schema.TaggedError<ResourceNotPublishable>()(
  'ResourceNotPublishable',
  { missingTheme: Schema.Boolean, missingContent: Schema.Boolean },
) {
  /** What is missing, so that the editor knows what to add. */
  override get message(): string {
    const missing = [
      ...(this.missingTheme ? ['velg minst ett tema'] : []),
      ...(this.missingContent ? ['legg til minst ett vedlegg eller én lenke'] : []),
    ];
    return `Ressursen kan ikke publiseres ennå: ${missing.join(', og ')}.`;
  }
}

/** An attachment without a title (`position` counts from 0). */
export class AttachmentTitleMissing extends Schema.TaggedError<AttachmentTitleMissing>()(
  'AttachmentTitleMissing',
  { position: Schema.Number },
) {
  override get message(): string {
    return `Vedlegg ${this.position + 1} må ha en tittel.`;
  }
}

/** An image attachment without alt text (`position` counts from 0). */
export class AttachmentAltTextMissing extends Schema.TaggedError<AttachmentAltTextMissing>()(
  'AttachmentAltTextMissing',
  { position: Schema.Number },
) {
  override get message(): string {
    return `Bildet i vedlegg ${this.position + 1} må ha en alternativ tekst som beskriver det.`;
  }
}

/** A resource tied to a project must belong to the organisation that owns the project. */
export class ResourceProjectNotOfOwner extends Schema.TaggedError<ResourceProjectNotOfOwner>()(
  'ResourceProjectNotOfOwner',
  { project: Schema.String, owner: Schema.String },
) {
  override get message(): string {
    return 'En ressurs som hører til et prosjekt, må eies av organisasjonen som eier prosjektet.';
  }
}

/** «Sist gjennomgått» lies before the publication date. */
export class ResourceDatesInvalid extends Schema.TaggedError<ResourceDatesInvalid>()(
  'ResourceDatesInvalid',
  { publishedOn: Schema.String, lastReviewedOn: Schema.String },
) {
  override get message(): string {
    return `Ressursen kan ikke være sist gjennomgått ${formatDateNb(this.lastReviewedOn)} når den ble publisert ${formatDateNb(this.publishedOn)}.`;
  }
}
