import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

// Synthetic resources for benchmarks (scripts/search-bench.ts): plausible Norwegian titles,
// summaries, bodies and PDF text built from word pools with a fixed random seed, published and
// searchable, marked demo. Never seeded in production or development.

const KINDS = ['guide', 'template', 'tool', 'report', 'case', 'recording', 'presentation'];
const OPENINGS = [
  'Veileder for',
  'Mal for',
  'Verktøy for',
  'Rapport om',
  'Erfaringer med',
  'Webinar om',
  'Presentasjon om',
  'Sjekkliste for',
  'Kartlegging av',
  'Plan for',
];
const TOPICS = [
  'klimabudsjett',
  'klimaregnskap',
  'grønne anskaffelser',
  'klimavennlige anskaffelser',
  'energieffektivisering i kommunale bygg',
  'ombruk av møbler',
  'sirkulær økonomi',
  'matsvinn i kantiner',
  'klimavennlige måltider',
  'grønn mobilitet',
  'sykkelparkering',
  'ladeinfrastruktur',
  'fossilfrie byggeplasser',
  'klimatilpasning',
  'overvannshåndtering',
  'flomsikring',
  'naturbaserte løsninger',
  'arealplanlegging',
  'solceller på skoler',
  'varmepumper',
  'fjernvarme',
  'biogass',
  'utslippskutt i landbruket',
  'klimapartnerskap med næringslivet',
  'innbyggermedvirkning',
  'klimakommunikasjon',
  'reparasjon og gjenbruk',
  'tekstilavfall',
  'kildesortering',
  'elektrifisering av kommunens bilpark',
  'hjemmekontor og reisevaner',
  'skogplanting',
  'myrvern',
  'karbonfangst',
  'klimarisiko',
  'ROS-analyse',
  'energistasjoner',
  'kollektivtransport',
  'delingsøkonomi',
  'grønn omstilling',
];
const SENTENCES = [
  'Kommunen har redusert utslippene fra egen drift betydelig de siste årene.',
  'Kommunene i nettverket deler erfaringer og maler med hverandre.',
  'Tiltaket ble gjennomført i samarbeid med fylkeskommunen.',
  'Ressursen beskriver hvordan man kommer i gang, steg for steg.',
  'Innkjøperne fikk opplæring i klimakrav og miljøkriterier.',
  'Anskaffelsen stilte krav om fossilfri transport.',
  'Erfaringene viser at tidlig dialog med leverandørene lønner seg.',
  'Prosjektet har fått støtte fra Klimasats.',
  'Målet er å halvere matsvinnet innen 2030.',
  'Byggene ble kartlagt før energitiltakene ble prioritert.',
  'Innbyggerne ble invitert til åpne møter om planen.',
  'Klimabudsjettet er en del av økonomiplanen.',
  'Utslippsreduksjonene måles mot referanseåret 2009.',
  'Kommunestyret vedtok planen med bred tilslutning.',
  'Veilederen er skrevet for saksbehandlere og ledere.',
  'Malen kan tilpasses lokale forhold.',
  'Rapporten oppsummerer resultatene fra tre år med arbeid.',
  'Sykkelandelen økte etter at parkeringen ble bygget.',
  'Ladepunktene brukes av både ansatte og innbyggere.',
  'Overvann håndteres med grønne tak og regnbed.',
  'Skolene fikk solceller på taket og lærte elevene om energi.',
  'Ombrukslageret sparer kommunen for store innkjøp hvert år.',
  'Avfallet sorteres i flere fraksjoner enn før.',
  'Kantinene serverer mer plantebasert mat.',
  'Arbeidet er forankret i kommuneplanens samfunnsdel.',
  'Risikoen for flom og skred er vurdert for hele kommunen.',
  'Naturbaserte løsninger gir også bedre trivsel i nabolaget.',
  'Næringslivet deltar gjennom et klimapartnerskap.',
  'Regionen samarbeider om felles innkjøp av elbiler.',
  'Resultatene presenteres på nettverkets samling i høst.',
];

/**
 * Adds `n` synthetic published resources (slugs `syntetisk-<i>`, continuing after those already
 * there), with themes, municipalities, some attachments with PDF text, and their search
 * documents; a few statements, all in SQL, repeatable for the same `n`.
 */
export const seedSyntheticResources = async (db: Kysely<Database>, n: number): Promise<void> => {
  await db.transaction().execute(async (trx) => {
    const start =
      Number(
        (
          await sql<{ n: number }>`select count(*)::int as n from resource
            where slug like 'syntetisk-%'`.execute(trx)
        ).rows[0]?.n ?? 0,
      ) + 1;
    await sql`select setseed(${(start % 1000) / 1000}::float8)`.execute(trx);
    const pick = (pool: readonly string[]) =>
      sql`(${sql.val(pool)}::text[])[1 + floor(random() * ${sql.lit(pool.length)})::int]`;
    await sql`create temporary table synthetic on commit drop as
      select g as i, gen_random_uuid() as id,
        ${pick(OPENINGS)} || ' ' || ${pick(TOPICS)}
          || case when random() < 0.4 then ' i ' || m.name else '' end as title,
        ${pick(SENTENCES)} || ' ' || ${pick(SENTENCES)} as summary,
        ${pick(SENTENCES)} || ' ' || ${pick(SENTENCES)} || ' ' || ${pick(SENTENCES)} || ' '
          || ${pick(SENTENCES)} || ' ' || ${pick(SENTENCES)} as body,
        ${pick(KINDS)} as kind,
        (select id from organisation order by slug
          offset floor(random() * 3)::int + (g - g) limit 1) as owner,
        m.number as municipality,
        random() < 0.3 as with_file,
        date '2020-01-01' + floor(random() * 2000)::int as published_on
      from generate_series(${start}::int, ${start + n - 1}::int) g
      cross join lateral (select number, name from municipality
        order by number offset floor(random() * 300)::int + (g - g) limit 1) m`.execute(trx);
    await sql`insert into resource (id, slug, title, summary, body, body_html, body_text, kind,
        owner_organisation_id, workflow_status, published_on, demo)
      select id, 'syntetisk-' || i, title, summary, body, '<p>' || body || '</p>', body, kind, owner,
        'published', published_on, true from synthetic`.execute(trx);
    await sql`insert into resource_theme (resource_id, theme_id)
      select s.id, t.id from synthetic s cross join lateral (select id from theme
        order by id offset floor(random() * 5)::int + (s.i - s.i) limit 1 + floor(random() * 2)::int) t`.execute(
      trx,
    );
    await sql`insert into resource_municipality (resource_id, municipality_number)
      select id, municipality from synthetic where random() < 0.6`.execute(trx);
    await sql`insert into stored_file (id, organisation_id, kind, kind_label, media_type, size,
        sha256, text)
      select id, owner, 'pdf', 'PDF', 'application/pdf', 100000, repeat('0', 64),
        ${pick(SENTENCES)} || ' ' || ${pick(SENTENCES)} || ' ' || ${pick(SENTENCES)} || ' '
          || ${pick(SENTENCES)} || ' ' || ${pick(SENTENCES)} || ' ' || ${pick(SENTENCES)}
      from synthetic where with_file`.execute(trx);
    await sql`insert into resource_attachment (resource_id, position, file_id, title)
      select id, 0, id, 'Rapport (PDF)' from synthetic where with_file`.execute(trx);
    await sql`insert into search_document (type, id, slug, title, summary, body_text, file_text,
        kind, themes, project, organisation, municipalities, file_kinds, published_on)
      select 'resource', s.id, 'syntetisk-' || s.i, s.title, s.summary, s.body,
        coalesce(f.text, ''), s.kind,
        array(select t.slug from resource_theme rt join theme t on t.id = rt.theme_id
          where rt.resource_id = s.id order by t.slug),
        null, o.slug,
        array(select municipality_number::text from resource_municipality rm
          where rm.resource_id = s.id),
        case when s.with_file then array['PDF'] else '{}' end, s.published_on
      from synthetic s join organisation o on o.id = s.owner
        left join stored_file f on f.id = s.id`.execute(trx);
  });
  await sql`analyze search_document`.execute(db);
};

/**
 * Tops the synthetic resources up to `total` (`pnpm db:seed --resources N`): adds what is
 * missing, none when there are that many already. Returns how many it added.
 */
export const topUpSyntheticResources = async (
  db: Kysely<Database>,
  total: number,
): Promise<number> => {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from resource
    where slug like 'syntetisk-%'`.execute(db);
  const missing = Math.max(0, total - Number(rows[0]?.n ?? 0));
  if (missing > 0) await seedSyntheticResources(db, missing);
  return missing;
};
