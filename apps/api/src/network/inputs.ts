import {
  ContactEmail,
  IsoDate,
  MAX_LOGO_ALT,
  MAX_MARKDOWN_LENGTH,
  MembershipStartText,
  MunicipalityNumber,
  maxText,
  Slug,
  Uuid,
  Website,
  withMessage,
} from '@klimakommuner/domain';
import { Schema } from 'effect';
import { Id, sized, standard, Version } from '../content/inputs.ts';

export const UpdateOrganisation = standard(
  Schema.Struct({
    slug: Slug,
    version: Version,
    description: maxText(MAX_MARKDOWN_LENGTH),
    website: Website,
    contactEmail: ContactEmail,
  }),
);

/** Exactly one of `municipality` and `region`: the issue goes to the one given, or municipality. */
export const AddMembership = standard(
  Schema.Struct({
    organisation: Slug,
    municipality: Schema.optionalKey(MunicipalityNumber),
    region: Schema.optionalKey(Slug),
    from: MembershipStartText,
  }).check(
    Schema.makeFilter((input) =>
      (input.municipality === undefined) !== (input.region === undefined)
        ? undefined
        : {
            path: [input.municipality === undefined ? 'municipality' : 'region'],
            issue: 'Velg enten en kommune eller en region, ikke begge.',
          },
    ),
  ),
);

export const EndMembership = standard(Schema.Struct({ id: Id, to: IsoDate, version: Version }));

/** organisations.setLogo: an uploaded image of the organisation's and its alt text, or no logo. */
export const SetLogo = standard(
  Schema.Struct({
    organisation: Slug,
    file: Schema.NullOr(withMessage(Uuid, 'Filen må være en gyldig fil-id fra opplastingen.')),
    altText: sized('Den alternative teksten', 0, MAX_LOGO_ALT),
  }),
);
