import type { Migration } from 'kysely/migration';
import * as foundation from './2026_11_27_foundation.ts';
import * as editors from './2026_11_28_editors.ts';
import * as projects from './2026_11_29_projects.ts';
import * as contentVersion from './2026_11_30_content_version.ts';
import * as demoParticipations from './2026_11_30_demo_participations.ts';
import * as membershipStart from './2026_11_30_membership_start.ts';
import * as readPath from './2026_11_30_read_path.ts';
import * as resources from './2026_11_30_resources.ts';
import * as resourcesContentVersion from './2026_11_30_resources_content_version.ts';
import * as articles from './2026_12_01_articles.ts';
import * as events from './2026_12_01_events.ts';
import * as organisationLogo from './2026_12_01_organisation_logo.ts';
import * as siteSearch from './2026_12_01_site_search.ts';
import * as searchSignature from './2026_12_02_search_signature.ts';
import * as municipalityToday from './2026_12_03_municipality_today.ts';
import * as searchLookup from './2026_12_03_search_lookup.ts';
import * as searchFacetTokens from './2026_12_05_search_facet_tokens.ts';
import * as searchStorage from './2026_12_04_search_storage.ts';

/**
 * A migration, and the tables it rewrites (`vacuum`): a rewritten table starts with an empty
 * visibility map and no statistics, so `migrate` runs VACUUM ANALYZE on it once the migration
 * has committed (VACUUM cannot run inside its transaction). Until then every index-only scan of
 * it (the search's signature walk) reads the table as well.
 */
export type KkMigration = Migration & { readonly vacuum?: readonly string[] };

/** Every migration, by its frozen name; a static object so bundlers see every file. */
export const migrations: Record<string, KkMigration> = {
  '2026_11_27_foundation': foundation,
  '2026_11_28_editors': editors,
  '2026_11_29_projects': projects,
  '2026_11_30_membership_start': membershipStart,
  '2026_11_30_demo_participations': demoParticipations,
  '2026_11_30_read_path': readPath,
  '2026_11_30_content_version': contentVersion,
  '2026_11_30_resources': resources,
  '2026_11_30_resources_content_version': resourcesContentVersion,
  '2026_12_01_site_search': siteSearch,
  '2026_12_01_events': events,
  '2026_12_01_articles': articles,
  '2026_12_01_organisation_logo': organisationLogo,
  '2026_12_02_search_signature': searchSignature,
  '2026_12_03_municipality_today': municipalityToday,
  '2026_12_03_search_lookup': searchLookup,
  '2026_12_04_search_storage': searchStorage,
  '2026_12_05_search_facet_tokens': searchFacetTokens,
};
