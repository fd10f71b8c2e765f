import { Schema } from 'effect';
import { isValidEmail } from '../content/email.ts';
import { Slug } from '../content/slug.ts';
import { emptyOr, isHttpUrl } from '../content/values.ts';
import { CountyNumber } from '../municipality/county.ts';

/** A network of municipalities (nettverk) or a county authority (fylkeskommune). */
export const OrganisationKind = Schema.Literals(['network', 'county-authority']);
export type OrganisationKind = typeof OrganisationKind.Type;

export const Organisation = Schema.Struct({
  kind: OrganisationKind,
  slug: Slug,
  name: Schema.NonEmptyString,
  shortName: Schema.NullOr(Schema.NonEmptyString),
  /** The year the organisation was founded, when known. */
  established: Schema.NullOr(Schema.Int.check(Schema.isBetween({ minimum: 1000, maximum: 9999 }))),
  /** Set exactly for county authorities: the county they serve. */
  countyNumber: Schema.NullOr(CountyNumber),
}).check(
  Schema.makeFilter((o) => {
    if (o.kind === 'county-authority' && o.countyNumber === null) {
      return { path: ['countyNumber'], issue: 'En fylkeskommune må ha et fylkesnummer.' };
    }
    if (o.kind === 'network' && o.countyNumber !== null) {
      return { path: ['countyNumber'], issue: 'Et nettverk har ikke fylkesnummer.' };
    }
    return undefined;
  }),
);
export type Organisation = typeof Organisation.Type;

const KIND_LABELS: Readonly<Record<OrganisationKind, string>> = {
  network: 'Nettverk',
  'county-authority': 'Fylkeskommune',
};

/** The Norwegian label shown for an organisation kind. */
export const organisationKindLabel = (kind: OrganisationKind): string => KIND_LABELS[kind];

/** An organisation's website as an editor types it: empty for none, else an http(s) address. */
export const Website = emptyOr(
  isHttpUrl,
  'Nettstedet må være en fullstendig adresse som begynner med https:// eller http://.',
  500,
);

/** An organisation's contact address as an editor types it: empty for none, else valid. */
export const ContactEmail = emptyOr(
  isValidEmail,
  'Kontakt-e-posten må være en gyldig e-postadresse.',
  320,
);
