import type { ArticleDraft } from '@klimakommuner/domain';
import type { NewArticle } from '../../src/index.ts';

export { KEN, KKO, uploaded } from '../resource/support.ts';

/** A publishable draft of KKO's; override what a test is about. */
export const articleDraft = (overrides: Partial<ArticleDraft> = {}): NewArticle => ({
  title: 'Nytt klimaregnskap for Follo',
  lead: 'Kommunene i Follo har fått et felles klimaregnskap.',
  body: '## Om regnskapet\n\nDet viser **utslippene** i hver kommune.',
  bodyHtml: '<h3>Om regnskapet</h3><p>Det viser <strong>utslippene</strong> i hver kommune.</p>',
  image: null,
  publisher: 'kommunenettverk-for-klimaomstilling',
  project: null,
  themes: ['utslippskutt'],
  municipalities: ['3218'],
  author: { name: 'Kari Nordmann', person: null },
  ...overrides,
});
