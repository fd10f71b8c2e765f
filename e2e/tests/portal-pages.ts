// One path per portal page template (with the variants that render differently), for the
// sweeps: reflow and axe at 320 and 1280 px, and the meta tags.
export const PORTAL_TEMPLATES = [
  '/',
  '/nettverk',
  // A network with projects (the matrix), one without, and the county authority.
  '/nettverk/kommunenettverk-for-klimaomstilling',
  '/nettverk/ken',
  '/nettverk/akershus-fylkeskommune',
  '/kommuner',
  '/kommuner/asker',
  '/kommuner/al',
  '/prosjekter',
  '/prosjekter/strategisk-klimaarbeid',
  '/prosjekter/klimavennlige-maltidstjenester-i-offentlig-sektor',
  '/tema',
  '/tema/sirkularitet',
  // The resource library's search (its result pages are swept by admin-resources.spec.ts).
  '/verktoy',
  // Events (issue 12): the list and a demo event's page (events.spec.ts sweeps the archive).
  '/arrangementer',
  '/arrangementer/ombruksdagen-demo',
  // News (its article pages are swept by articles.spec.ts).
  '/aktuelt',
  '/regioner',
  '/regioner/hallingdal',
  '/regioner/follo',
  '/om-nettstedet',
  '/kontakt',
  '/personvern',
  '/tilgjengelighetserklaering',
] as const;
