import { Schema } from 'effect';
import { formatDateNb } from './dates.ts';

const periodNb = (from: string, to: string | null): string =>
  to === null
    ? `fra ${formatDateNb(from)} uten sluttdato`
    : `fra ${formatDateNb(from)} til ${formatDateNb(to)}`;

/** The member already holds a membership of the organisation in an overlapping period. */
export class MembershipOverlap extends Schema.TaggedError<MembershipOverlap>()(
  'MembershipOverlap',
  {
    organisation: Schema.String,
    /** The id of the existing membership the candidate collides with. */
    conflictingId: Schema.String,
    from: Schema.String,
    to: Schema.NullOr(Schema.String),
  },
) {
  override get message(): string {
    return `Medlemskapet overlapper med et eksisterende medlemskap i samme organisasjon ${periodNb(this.from, this.to)}.`;
  }
}

/** The membership's to date lies before its from date. */
export class MembershipEndsBeforeStart extends Schema.TaggedError<MembershipEndsBeforeStart>()(
  'MembershipEndsBeforeStart',
  { from: Schema.String, to: Schema.String },
) {
  override get message(): string {
    return `Medlemskapet kan ikke slutte ${formatDateNb(this.to)} når det begynner ${formatDateNb(this.from)}: sluttdatoen må være samme dag som eller etter startdatoen.`;
  }
}
