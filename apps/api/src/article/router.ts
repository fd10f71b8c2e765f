import {
  type ArticleTransition,
  articleFilterOptions,
  authorCandidates,
  createArticle,
  deleteArticle,
  feedArticles,
  getArticle,
  getArticleForEdit,
  getArticlePreview,
  latestArticles,
  listArticles,
  listArticlesForEdit,
  transitionArticle,
  updateArticle,
} from '@klimakommuner/db';
import { FEED_ARTICLES, LATEST_ARTICLES } from '@klimakommuner/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { Result } from 'effect';
import {
  ByOrganisation,
  BySlug,
  BySlugVersion,
  Nothing,
  TransitionBySlug,
} from '../content/inputs.ts';
import { paged, reading, writing } from '../content/results.ts';
import { procedure, publicProcedure } from '../trpc.ts';
import { articleDraft } from './article-draft.ts';
import {
  CreateArticle,
  FeedArticles,
  LatestArticles,
  ListArticles,
  PublishArticle,
  UpdateArticle,
} from './inputs.ts';

// Each procedure: decoded input → one repository call → a value or a mapped error. The access
// check (meta) has already run against the article's publisher: articles are content
// (content.* on the publisher), as resources are.

const noArticle = ({ slug }: { slug: string }) => `Fant ikke noen artikkel med adressen «${slug}».`;

/** Themes, the project, municipalities, the image and the author that do not exist are field errors. */
const ARTICLE_REFS = {
  theme: 'themes',
  project: 'project',
  municipality: 'municipalities',
  file: 'image',
  person: 'author',
};

const moving = (transition: 'publish' | 'archive') =>
  writing((db, input: Omit<ArticleTransition, 'transition'>, actor) =>
    transitionArticle(db, { ...input, transition }, actor),
  );

const onArticle = (action: 'content.read-drafts' | 'content.publish' | 'content.archive') =>
  procedure.meta({ access: { action }, resource: { article: 'slug' } });

export const articles = {
  // Public articles, newest first, filtered; keyset pages.
  list: publicProcedure
    .input(ListArticles)
    .query(({ ctx, input }) => paged(listArticles(ctx.db, input ?? {}, ctx.now()))),
  // The «siste nytt» blocks: the newest few (3 by default).
  latest: publicProcedure.input(LatestArticles).query(async ({ ctx, input }) => {
    const { limit, ...filter } = input ?? {};
    return { items: await latestArticles(ctx.db, limit ?? LATEST_ARTICLES, filter, ctx.now()) };
  }),
  // The RSS and Atom feeds' data: the newest with their sanitised HTML bodies.
  feed: publicProcedure.input(FeedArticles).query(async ({ ctx, input }) => {
    const { limit, ...filter } = input ?? {};
    return { items: await feedArticles(ctx.db, limit ?? FEED_ARTICLES, filter, ctx.now()) };
  }),
  // What /aktuelt's filters offer: publishers, themes and projects that public articles have.
  filters: publicProcedure
    .input(Nothing)
    .query(({ ctx }) => articleFilterOptions(ctx.db, ctx.now())),
  // Public articles only: a draft, a scheduled or an archived one is NOT_FOUND, as unknown ones.
  get: publicProcedure
    .input(BySlug)
    .query(reading((ctx, { slug }) => getArticle(ctx.db, slug, ctx.now()), noArticle)),
  listForEdit: procedure
    .meta({ access: { action: 'content.read-drafts' }, resource: { input: 'organisation' } })
    .input(ByOrganisation)
    .query(async ({ ctx, input }) => ({
      items: await listArticlesForEdit(ctx.db, input.organisation, ctx.now()),
    })),
  // Who the form offers as the author: the publisher's people, by name and title only (their
  // email and phone stay with people.list, which needs person.manage). A contributor writes
  // articles too, so this needs only content.create.
  authorCandidates: procedure
    .meta({ access: { action: 'content.create' }, resource: { input: 'organisation' } })
    .input(ByOrganisation)
    .query(async ({ ctx, input }) => ({
      items: await authorCandidates(ctx.db, input.organisation),
    })),
  getForEdit: onArticle('content.read-drafts')
    .input(BySlug)
    .query(reading((ctx, { slug }) => getArticleForEdit(ctx.db, slug, ctx.now()), noArticle)),
  // What articles.get will show once it is public (the admin's preview).
  previewPage: onArticle('content.read-drafts')
    .input(BySlug)
    .query(reading((ctx, { slug }) => getArticlePreview(ctx.db, slug, ctx.now()), noArticle)),
  create: procedure
    .meta({ access: { action: 'content.create' }, resource: { input: 'organisation' } })
    .input(CreateArticle)
    .mutation(
      writing(
        async (db, input, actor) => {
          const draft = { ...(await articleDraft(input)), publisher: input.organisation };
          const created = await createArticle(db, draft, actor);
          return Result.map(created, ({ slug, version }) => ({ slug, version }));
        },
        { refs: ARTICLE_REFS },
      ),
    ),
  // The action checked is editAction(the article's workflow status): edit-draft or edit-published.
  update: procedure
    .meta({ access: { action: 'content.edit-draft' }, resource: { article: 'slug', edit: true } })
    .input(UpdateArticle)
    .mutation(
      writing(
        async (db, input, actor, ctx) =>
          updateArticle(
            db,
            {
              ...(await articleDraft(input)),
              slug: input.slug,
              version: input.version,
              decidedOn: ctx.decidedOn,
            },
            actor,
          ),
        { refs: ARTICLE_REFS },
      ),
    ),
  publish: onArticle('content.publish').input(PublishArticle).mutation(moving('publish')),
  archive: onArticle('content.archive').input(BySlugVersion).mutation(moving('archive')),
  // The action checked is actionFor(input.transition); content.submit is the least of them.
  transition: procedure
    .meta({
      access: { action: 'content.submit' },
      resource: { article: 'slug', transition: 'transition' },
    })
    .input(TransitionBySlug)
    .mutation(writing(transitionArticle)),
  // Whoever may archive may delete; the image stays until the audit window has passed.
  delete: onArticle('content.archive').input(BySlugVersion).mutation(writing(deleteArticle)),
} satisfies TRPCRouterRecord;
