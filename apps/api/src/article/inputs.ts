import {
  Cursor,
  FEED_ARTICLES,
  Integer,
  LATEST_ARTICLES,
  MAX_ARTICLE_LIMIT,
  MAX_MARKDOWN_LENGTH,
  MunicipalityNumber,
  Slug,
  Uuid,
  withMessage,
} from '@klimakommuner/domain';
import { Schema } from 'effect';
import { PublishAt, sized, standard, Version } from '../content/inputs.ts';

/** Input schemas of news articles («Aktuelt»), Norwegian messages. */

export const MAX_ARTICLE_THEMES = 5;
export const MAX_ARTICLE_MUNICIPALITIES = 50;

const limited = <S extends Schema.Top>(item: S, max: number, message: string) =>
  Schema.Array(item).check(Schema.isMaxLength(max, { message }));

const Image = Schema.Struct({
  file: withMessage(Uuid, 'Bildet må være en gyldig fil-id fra opplastingen.'),
  altText: sized('Den alternative teksten', 0, 1000),
  credit: Schema.optionalKey(sized('Kreditering', 0, 200)),
});

const Author = Schema.Struct({
  name: sized('Forfatterens navn', 0, 200),
  person: Schema.optionalKey(Schema.NullOr(withMessage(Uuid, 'Velg en person fra listen.'))),
});

/** What an article's create and update both carry. */
const articleFields = {
  title: sized('Tittelen', 3, 200),
  lead: sized('Ingressen', 0, 600),
  body: sized('Teksten', 0, MAX_MARKDOWN_LENGTH),
  image: Schema.optionalKey(Schema.NullOr(Image)),
  project: Schema.optionalKey(Schema.NullOr(Slug)),
  themes: Schema.optionalKey(
    limited(Slug, MAX_ARTICLE_THEMES, 'En artikkel kan ha høyst fem temaer.'),
  ),
  municipalities: Schema.optionalKey(
    limited(
      MunicipalityNumber,
      MAX_ARTICLE_MUNICIPALITIES,
      `En artikkel kan gjelde høyst ${MAX_ARTICLE_MUNICIPALITIES} kommuner.`,
    ),
  ),
  author: Schema.optionalKey(Schema.NullOr(Author)),
};

export type ArticleInput = Schema.Struct<typeof articleFields>['Type'];

export const CreateArticle = standard(Schema.Struct({ organisation: Slug, ...articleFields }));

export const UpdateArticle = standard(
  Schema.Struct({ slug: Slug, version: Version, ...articleFields }),
);

export const PublishArticle = standard(
  Schema.Struct({ slug: Slug, version: Version, publishAt: PublishAt }),
);

const between = (max: number) =>
  Integer.check(
    Schema.isBetween(
      { minimum: 1, maximum: max },
      { message: `Må være et heltall fra 1 til ${max}.` },
    ),
  );

/** The public list's filters (the same in list, latest and feed). */
const filterFields = {
  publisher: Schema.optionalKey(Slug),
  theme: Schema.optionalKey(Slug),
  project: Schema.optionalKey(Slug),
  municipality: Schema.optionalKey(MunicipalityNumber),
};

export const ListArticles = standard(
  Schema.UndefinedOr(
    Schema.Struct({
      ...filterFields,
      limit: Schema.optionalKey(between(MAX_ARTICLE_LIMIT)),
      cursor: Schema.optionalKey(Cursor),
    }),
  ),
);

export const LatestArticles = standard(
  Schema.UndefinedOr(
    Schema.Struct({ ...filterFields, limit: Schema.optionalKey(between(LATEST_ARTICLES * 4)) }),
  ),
);

export const FeedArticles = standard(
  Schema.UndefinedOr(
    Schema.Struct({ ...filterFields, limit: Schema.optionalKey(between(FEED_ARTICLES * 2)) }),
  ),
);
