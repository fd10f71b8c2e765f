import {
  addMembership,
  auditHistory,
  type DbHandle,
  dashboardFor,
  endMembership,
  getOrganisationForEdit,
  InvalidCursorError,
  listAudit,
  listMembershipsForEdit,
  transitionOrganisationProfile,
  updateOrganisationProfile,
} from '@klimakommuner/db';
import {
  type AuditEntry,
  type DashboardOverview,
  isAdmin,
  isValidEmail,
  type MembershipEditView,
  normaliseEmail,
  type OrganisationEditView,
  organisationsOf,
  type Page,
  type Transition,
} from '@klimakommuner/domain';
import { DomainError, invalidField, notFound } from './errors.ts';
import { renderMarkdown } from './markdown.ts';
import { unwrap } from './outcome.ts';
import type { Auth } from './trpc.ts';

type Db = DbHandle['db'];
const same = <T>(value: T): T => value;

export interface Clock {
  readonly today: string;
  readonly now: Date;
}

const organisationNotFound = (slug: string) =>
  notFound(`Fant ingen organisasjon med adressen «${slug}».`);

export const getForEdit = async (
  db: Db,
  slug: string,
  clock: Clock,
): Promise<OrganisationEditView> => {
  const found = await getOrganisationForEdit(db, slug, clock.today, clock.now);
  if (found === null) throw organisationNotFound(slug);
  return found;
};

/** An http(s) URL, or '' for none; anything else is refused with a Norwegian field message. */
const checkWebsite = (website: string): string => {
  const trimmed = website.trim();
  if (trimmed === '') return '';
  let url: URL | null = null;
  try {
    url = new URL(trimmed);
  } catch {
    url = null;
  }
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw invalidField(
      'website',
      'Nettstedet må være en fullstendig adresse som begynner med https:// eller http://.',
    );
  }
  return trimmed;
};

const checkContactEmail = (email: string): string => {
  const trimmed = email.trim();
  if (trimmed === '') return '';
  if (!isValidEmail(trimmed)) {
    throw invalidField('contactEmail', 'Kontakt-e-posten må være en gyldig e-postadresse.');
  }
  return normaliseEmail(trimmed);
};

export const updateProfile = async (
  db: Db,
  input: {
    slug: string;
    version: number;
    description: string;
    website: string;
    contactEmail: string;
  },
  auth: Auth,
  clock: Clock,
): Promise<OrganisationEditView> => {
  const website = checkWebsite(input.website);
  const contactEmail = checkContactEmail(input.contactEmail);
  const outcome = await updateOrganisationProfile(
    db,
    {
      slug: input.slug,
      version: input.version,
      description: input.description,
      descriptionHtml: renderMarkdown(input.description),
      website,
      contactEmail,
    },
    auth.auditActor,
    clock.today,
    clock.now,
  );
  return unwrap(outcome, same);
};

export const transitionProfile = async (
  db: Db,
  input: { slug: string; version: number; transition: Transition; publishAt?: string | null },
  auth: Auth,
  clock: Clock,
): Promise<OrganisationEditView> => {
  if (input.publishAt && input.transition !== 'publish') {
    throw invalidField('publishAt', 'Et publiseringstidspunkt kan bare settes når du publiserer.');
  }
  const outcome = await transitionOrganisationProfile(
    db,
    {
      slug: input.slug,
      version: input.version,
      transition: input.transition,
      publishAt: input.publishAt ? new Date(input.publishAt).toISOString() : null,
    },
    auth.auditActor,
    clock.today,
    clock.now,
  );
  return unwrap(outcome, same);
};

export const listMemberships = async (
  db: Db,
  organisation: string,
  today: string,
): Promise<{ items: MembershipEditView[] }> => {
  const items = await listMembershipsForEdit(db, organisation, today);
  if (items === null) throw organisationNotFound(organisation);
  return { items };
};

export const addMembershipTo = async (
  db: Db,
  input: { organisation: string; municipality?: string; region?: string; from: string },
  auth: Auth,
  today: string,
): Promise<MembershipEditView> => {
  if ((input.municipality === undefined) === (input.region === undefined)) {
    throw invalidField(
      input.municipality === undefined ? 'municipality' : 'region',
      'Velg enten en kommune eller en region, ikke begge.',
    );
  }
  const outcome = await addMembership(
    db,
    {
      organisation: input.organisation,
      municipality: input.municipality ?? null,
      region: input.region ?? null,
      from: input.from,
    },
    auth.auditActor,
    today,
  );
  return unwrap(outcome, same);
};

export const endMembershipOn = async (
  db: Db,
  input: { id: string; to: string; version: number },
  auth: Auth,
  today: string,
): Promise<MembershipEditView> =>
  unwrap(await endMembership(db, input, auth.auditActor, today), same);

export const history = async (
  db: Db,
  input: { recordType: string; recordId: string },
): Promise<Page<AuditEntry>> => ({
  items: await auditHistory(db, input.recordType, input.recordId),
  nextCursor: null,
});

export const auditPage = async (
  db: Db,
  input:
    | {
        actor?: string;
        organisation?: string;
        recordType?: string;
        action?: string;
        from?: string;
        to?: string;
        limit?: number;
        cursor?: string;
      }
    | undefined,
): Promise<Page<AuditEntry>> => {
  const { limit, cursor, ...filter } = input ?? {};
  try {
    return await listAudit(db, filter, limit ?? 50, cursor);
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    throw new DomainError('BAD_REQUEST', 'InvalidCursor', 'Ugyldig sidemarkør.', error);
  }
};

export const overview = (db: Db, auth: Auth): Promise<DashboardOverview> =>
  dashboardFor(db, isAdmin(auth.actor) ? 'all' : organisationsOf(auth.actor));
