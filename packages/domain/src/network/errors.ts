import { Schema } from 'effect';
import { formatDateNb } from '../content/dates.ts';

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

/**
 * The membership's to date lies before its from date. `fromPrecision` says what is known of the
 * start (membership-start.ts), so the message never names a day nobody knows.
 */
export class MembershipEndsBeforeStart extends Schema.TaggedError<MembershipEndsBeforeStart>()(
  'MembershipEndsBeforeStart',
  {
    from: Schema.String,
    to: Schema.String,
    fromPrecision: Schema.optionalKey(Schema.Literals(['day', 'year', 'unknown'])),
  },
) {
  override get message(): string {
    const year = this.from.slice(0, 4);
    if (this.fromPrecision === 'unknown') {
      return `Medlemskapet kan ikke slutte ${formatDateNb(this.to)}, fordi det tidligst kan ha begynt i ${year}.`;
    }
    if (this.fromPrecision === 'year') {
      return `Medlemskapet kan ikke slutte ${formatDateNb(this.to)} når det begynte i ${year}: sluttdatoen må være i ${year} eller senere.`;
    }
    return `Medlemskapet kan ikke slutte ${formatDateNb(this.to)} når det begynner ${formatDateNb(this.from)}: sluttdatoen må være samme dag som eller etter startdatoen.`;
  }
}

/** The logo has no text saying what it shows. */
export class LogoAltTextMissing extends Schema.TaggedError<LogoAltTextMissing>()(
  'LogoAltTextMissing',
  {},
) {
  override get message(): string {
    return 'Skriv en alternativ tekst som sier hva logoen viser, for eksempel «Logo: KEN».';
  }
}

/** The file chosen as a logo is not an image. */
export class LogoNotAnImage extends Schema.TaggedError<LogoNotAnImage>()('LogoNotAnImage', {}) {
  override get message(): string {
    return 'Filen er ikke et bilde. Velg en logo som PNG, JPEG eller WebP.';
  }
}
