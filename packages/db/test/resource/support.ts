import { randomUUID } from 'node:crypto';
import type { ResourceDraft } from '@klimakommuner/domain';
import { type DbHandle, type NewResource, recordFile } from '../../src/index.ts';
import { ADMIN } from '../fixtures.ts';

export const KKO = 'kommunenettverk-for-klimaomstilling';
export const KEN = 'ken';

/** Records a stored file of `organisation` as the upload endpoint would (no bytes needed here). */
export const uploaded = async (
  handle: DbHandle,
  organisation: string,
  options: { image?: boolean; text?: string | null } = {},
): Promise<string> => {
  const id = randomUUID();
  await recordFile(
    handle.db,
    {
      organisation,
      file: {
        id,
        kind: options.image ? 'png' : 'pdf',
        kindLabel: options.image ? 'PNG' : 'PDF',
        mediaType: options.image ? 'image/png' : 'application/pdf',
        size: 1234,
        sha256: 'a'.repeat(64),
        variants: [
          {
            name: 'original',
            key: `${id}/original`,
            mediaType: 'application/pdf',
            size: 1234,
            sha256: 'a'.repeat(64),
          },
          ...(options.image
            ? [
                {
                  name: 'w320',
                  key: `${id}/w320`,
                  mediaType: 'image/webp',
                  size: 99,
                  sha256: 'b'.repeat(64),
                  width: 320,
                },
              ]
            : []),
        ],
        image: options.image ? { width: 800, height: 600, altText: 'Et kart' } : null,
        text: options.text ?? null,
      },
    },
    ADMIN,
  );
  return id;
};

/** A publishable draft of KEN's with one link; override what a test is about. */
export const draft = (overrides: Partial<ResourceDraft> = {}): NewResource => ({
  title: 'Veileder for klimabudsjett',
  summary: 'Slik lager kommunen et klimabudsjett.',
  body: '## Om veilederen\n\nKommunene i Follo har laget **denne** veilederen.',
  bodyHtml:
    '<h3>Om veilederen</h3><p>Kommunene i Follo har laget <strong>denne</strong> veilederen.</p>',
  kind: 'guide',
  themes: ['utslippskutt'],
  project: null,
  owner: KEN,
  municipalities: ['3218'],
  audience: ['advisers'],
  language: 'nb',
  attachments: [],
  links: [{ title: 'Miljødirektoratet', url: 'https://www.miljodirektoratet.no/' }],
  publishedOn: '2026-01-10',
  lastReviewedOn: null,
  ...overrides,
});
