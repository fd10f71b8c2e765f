import {
  Cursor,
  HttpUrl,
  Integer,
  IsoDate,
  MAX_MARKDOWN_LENGTH,
  MAX_SEARCH_LIMIT,
  MAX_SEARCH_QUERY,
  MunicipalityNumber,
  maxText,
  ResourceAudience,
  ResourceKind,
  ResourceLanguage,
  Slug,
  Uuid,
  withMessage,
} from '@klimakommuner/domain';
import { Schema } from 'effect';
import { PublishAt, sized, standard, Version } from '../content/inputs.ts';

/** Input schemas of the resource library (docs/contracts-resources.md), Norwegian messages. */

export const MAX_ATTACHMENTS = 20;
export const MAX_RESOURCE_LINKS = 10;
export const MAX_RESOURCE_THEMES = 5;
export const MAX_RESOURCE_MUNICIPALITIES = 50;

const Attachment = Schema.Struct({
  file: withMessage(Uuid, 'Filen må være en gyldig fil-id fra opplastingen.'),
  title: sized('Tittelen på vedlegget', 0, 200),
  altText: Schema.optionalKey(Schema.NullOr(sized('Den alternative teksten', 0, 1000))),
});

const Link = Schema.Struct({
  title: sized('Lenketeksten', 1, 200),
  url: withMessage(
    HttpUrl,
    'Lenken må være en fullstendig adresse som begynner med https:// eller http://.',
  ),
});

const limited = <S extends Schema.Top>(item: S, max: number, message: string) =>
  Schema.Array(item).check(Schema.isMaxLength(max, { message }));

/** What a resource's create and update both carry. */
const resourceFields = {
  title: sized('Tittelen', 3, 200),
  summary: sized('Sammendraget', 0, 500),
  body: sized('Teksten', 0, MAX_MARKDOWN_LENGTH),
  kind: ResourceKind,
  themes: limited(Slug, MAX_RESOURCE_THEMES, 'En ressurs kan ha høyst fem temaer.'),
  project: Schema.optionalKey(Schema.NullOr(Slug)),
  municipalities: Schema.optionalKey(
    limited(
      MunicipalityNumber,
      MAX_RESOURCE_MUNICIPALITIES,
      `En ressurs kan komme fra høyst ${MAX_RESOURCE_MUNICIPALITIES} kommuner.`,
    ),
  ),
  audience: Schema.optionalKey(limited(ResourceAudience, 5, 'Velg høyst fem målgrupper.')),
  language: Schema.optionalKey(ResourceLanguage),
  attachments: Schema.optionalKey(
    limited(Attachment, MAX_ATTACHMENTS, `En ressurs kan ha høyst ${MAX_ATTACHMENTS} vedlegg.`),
  ),
  links: Schema.optionalKey(
    limited(Link, MAX_RESOURCE_LINKS, `En ressurs kan ha høyst ${MAX_RESOURCE_LINKS} lenker.`),
  ),
  publishedOn: Schema.optionalKey(Schema.NullOr(IsoDate)),
  lastReviewedOn: Schema.optionalKey(Schema.NullOr(IsoDate)),
};

export type ResourceInput = Schema.Struct<typeof resourceFields>['Type'];

export const CreateResource = standard(Schema.Struct({ organisation: Slug, ...resourceFields }));

export const UpdateResource = standard(
  Schema.Struct({ slug: Slug, version: Version, ...resourceFields }),
);

export const PublishResource = standard(
  Schema.Struct({ slug: Slug, version: Version, publishAt: PublishAt }),
);

export const SearchLimit = Integer.check(
  Schema.isBetween(
    { minimum: 1, maximum: MAX_SEARCH_LIMIT },
    { message: `Må være et heltall fra 1 til ${MAX_SEARCH_LIMIT}.` },
  ),
);

export const ListResources = standard(
  Schema.UndefinedOr(
    Schema.Struct({
      q: Schema.optionalKey(maxText(MAX_SEARCH_QUERY)),
      kind: Schema.optionalKey(ResourceKind),
      theme: Schema.optionalKey(Slug),
      project: Schema.optionalKey(Slug),
      organisation: Schema.optionalKey(Slug),
      municipality: Schema.optionalKey(MunicipalityNumber),
      limit: Schema.optionalKey(SearchLimit),
      cursor: Schema.optionalKey(Cursor),
    }),
  ),
);
