import {
  AXE_TAGS,
  coverage,
  criterionOfTag,
  OWN_CHECKS,
  WCAG21_CRITERIA,
} from '@klimakommuner/ui/accessibility';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { Api } from '../src/lib/server/api.ts';
import {
  publicPaths,
  STATIC_PATHS,
  sitemapIndexXml,
  sitemapXml,
} from '../src/lib/server/sitemap.ts';

const page = <T>(items: T[], nextCursor: string | null = null) => ({ items, nextCursor });

/** Just the public reads the sitemap uses: what search finds, and the themes and regions. */
const fakeApi = {
  search: {
    sitemap: async () => ({
      items: [
        { type: 'municipality', slug: 'asker' },
        { type: 'organisation', slug: 'ken' },
        { type: 'project', slug: 'gronn-mobilitet' },
        { type: 'resource', slug: 'veileder-innkjop' },
        { type: 'article', slug: 'ny-veileder' },
        { type: 'event', slug: 'klimaseminar-2026' },
      ],
    }),
  },
  themes: { list: async () => page([{ slug: 'mobilitet' }]) },
  regions: { list: async () => page([{ slug: 'follo' }]) },
} as unknown as Api;

describe('sitemap', () => {
  it('lists the static pages and every item with a public page, at its own address', async () => {
    expect(await publicPaths(fakeApi)).toEqual([
      ...STATIC_PATHS,
      '/kommuner/asker',
      '/nettverk/ken',
      '/prosjekter/gronn-mobilitet',
      '/verktoy/veileder-innkjop',
      '/aktuelt/ny-veileder',
      '/arrangementer/klimaseminar-2026',
      '/tema/mobilitet',
      '/regioner/follo',
    ]);
  });

  it('is an index of parts when there are more pages than one sitemap may hold', () => {
    expect(sitemapIndexXml(['https://example.no/sitemap.xml?del=1'])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '  <sitemap><loc>https://example.no/sitemap.xml?del=1</loc></sitemap>\n' +
        '</sitemapindex>\n',
    );
  });

  it('writes the sitemap protocol with escaped URLs', () => {
    expect(sitemapXml(['https://example.no/a?b=1&c=<2>'])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '  <url><loc>https://example.no/a?b=1&amp;c=&lt;2&gt;</loc></url>\n' +
        '</urlset>\n',
    );
  });
});

describe('the accessibility statement', () => {
  const rules = axe.getRules([...AXE_TAGS]);
  const criteria = coverage(rules);

  it('reads WCAG criteria from axe-core tags', () => {
    expect(criterionOfTag('wcag143')).toBe('1.4.3');
    expect(criterionOfTag('wcag1410')).toBe('1.4.10');
    expect(criterionOfTag('wcag21aa')).toBeNull();
    expect(criterionOfTag('best-practice')).toBeNull();
  });

  it('covers the 50 criteria of WCAG 2.1 A and AA, each once', () => {
    expect(criteria).toHaveLength(50);
    expect(new Set(criteria.map((c) => c.id)).size).toBe(50);
  });

  it('names the axe-core rules the tests run, and our own checks', () => {
    const of = (id: string) => criteria.find((c) => c.id === id);
    expect(of('1.4.3')?.axeRules).toContain('color-contrast');
    expect(of('4.1.2')?.axeRules).toContain('button-name');
    expect(of('1.4.10')?.ownChecks).toEqual(OWN_CHECKS['1.4.10']);
    // Every rule the tests run that names an A/AA criterion of 2.1 lands on it.
    const known = new Set(WCAG21_CRITERIA.map((c) => c.id));
    for (const rule of rules) {
      for (const id of rule.tags.map(criterionOfTag)) {
        if (id !== null && known.has(id)) {
          expect(of(id)?.axeRules, `${rule.ruleId} → ${id}`).toContain(rule.ruleId);
        }
      }
    }
  });
});
