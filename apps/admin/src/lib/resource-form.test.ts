import { describe, expect, it } from 'vitest';
import { formOf, refusal } from '../../test/forms.ts';
import {
  type AttachmentValues,
  applyAttachmentCommand,
  EMPTY_RESOURCE,
  editValues,
  publishErrors,
  type ResourceFormValues,
  readAttachmentCommand,
  readResourceForm,
  resourceErrors,
  resourceInput,
  resourceLinkRows,
  titleFromFileName,
  uploadErrors,
  validateResource,
  withUploaded,
} from './resource-form.ts';

const PDF = '0b5c1a52-8d7e-4c3f-9a1b-2c3d4e5f6a7b';
const PNG = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

const pdf: AttachmentValues = {
  file: PDF,
  title: 'Veileder',
  altText: '',
  image: false,
  kindLabel: 'PDF',
  size: 1_258_291,
};
const png: AttachmentValues = {
  file: PNG,
  title: 'Kart',
  altText: 'Kart over sykkelveiene',
  image: true,
  kindLabel: 'PNG',
  size: 48_000,
};

const resource = (over: Partial<ResourceFormValues> = {}): ResourceFormValues => ({
  ...EMPTY_RESOURCE,
  title: 'Klimavennlige anskaffelser',
  ...over,
});

describe('reading the resource form', () => {
  it('keeps what was typed, attachments and links row by row, Markdown with its whitespace', () => {
    const values = readResourceForm(
      formOf([
        ['title', ' Klimavennlige anskaffelser '],
        ['body', 'Linje 1\r\n  Linje 2'],
        ['kind', 'guide'],
        ['themes', 'innkjop'],
        ['themes', ''],
        ['project', ''],
        ['municipalities', '3207'],
        ['audience', 'advisers'],
        ['language', 'nb'],
        ['attachmentFile', PDF],
        ['attachmentTitle', 'Veileder'],
        ['attachmentAlt', ''],
        ['attachmentImage', ''],
        ['attachmentKind', 'PDF'],
        ['attachmentSize', '1258291'],
        ['attachmentFile', PNG],
        ['attachmentTitle', 'Kart'],
        ['attachmentAlt', 'Kart over sykkelveiene'],
        ['attachmentImage', '1'],
        ['attachmentKind', 'PNG'],
        ['attachmentSize', '48000'],
        ['linkTitle', 'Difi'],
        ['linkUrl', 'https://anskaffelser.no'],
        ['linkTitle', ''],
        ['linkUrl', ''],
        ['publishedOn', '2026-03-01'],
        ['newTitle', 'Neste vedlegg'],
      ]),
    );
    expect(values.title).toBe('Klimavennlige anskaffelser');
    expect(values.body).toBe('Linje 1\n  Linje 2');
    expect(values.themes).toEqual(['innkjop']);
    expect(values.municipalities).toEqual(['3207']);
    expect(values.attachments).toEqual([pdf, png]);
    expect(values.links).toEqual([
      { title: 'Difi', url: 'https://anskaffelser.no' },
      { title: '', url: '' },
    ]);
    expect(values.newTitle).toBe('Neste vedlegg');
    expect(resourceLinkRows(values.links)).toHaveLength(2);
  });

  it('sends the API what it takes: null for no project or date, alt text only for images', () => {
    const input = resourceInput(
      resource({
        attachments: [pdf, png],
        links: [{ title: '', url: '' }],
        publishedOn: '2026-03-01',
      }),
    );
    expect(input.project).toBeNull();
    expect(input.lastReviewedOn).toBeNull();
    expect(input.publishedOn).toBe('2026-03-01');
    expect(input.attachments).toEqual([
      { file: PDF, title: 'Veileder', altText: null },
      { file: PNG, title: 'Kart', altText: 'Kart over sykkelveiene' },
    ]);
    expect(input.links).toEqual([]);
  });
});

describe('the form for a stored resource', () => {
  it('shows what is stored: slugs, numbers, attachments in order, no date as empty', () => {
    const stored = {
      title: 'Klimavennlige anskaffelser',
      summary: '',
      body: '# Mal',
      kind: 'template',
      themes: [{ slug: 'innkjop', name: 'Innkjøp' }],
      projectSlug: 'gronn-mobilitet',
      municipalities: [{ number: '3207', name: 'Nordre Follo', slug: 'nordre-follo' }],
      audience: ['advisers'],
      language: 'nn',
      attachments: [
        {
          file: PNG,
          title: 'Kart',
          altText: 'Kart over sykkelveiene',
          kind: 'png',
          kindLabel: 'PNG',
          mediaType: 'image/png',
          size: 48_000,
          url: `/files/${PNG}`,
          image: { width: 800, height: 600, widths: [320, 640] },
        },
        {
          file: PDF,
          title: 'Veileder',
          altText: null,
          kind: 'pdf',
          kindLabel: 'PDF',
          mediaType: 'application/pdf',
          size: 1_258_291,
          url: `/files/${PDF}`,
          image: null,
        },
      ],
      links: [{ title: 'Difi', url: 'https://anskaffelser.no' }],
      publishedOn: '2026-03-01',
      lastReviewedOn: null,
    } as unknown as Parameters<typeof editValues>[0];
    const values = editValues(stored);
    expect(values).toMatchObject({
      kind: 'template',
      themes: ['innkjop'],
      project: 'gronn-mobilitet',
      municipalities: ['3207'],
      language: 'nn',
      attachments: [png, pdf],
      publishedOn: '2026-03-01',
      lastReviewedOn: '',
    });
    expect(validateResource(values)).toEqual({});
  });
});

describe('attachment buttons', () => {
  it('reads only the commands the form sends', () => {
    expect(readAttachmentCommand('opp-1')).toEqual({ kind: 'up', index: 1 });
    expect(readAttachmentCommand('ned-0')).toEqual({ kind: 'down', index: 0 });
    expect(readAttachmentCommand('fjern-2')).toEqual({ kind: 'remove', index: 2 });
    expect(readAttachmentCommand('legg-til')).toEqual({ kind: 'add' });
    expect(readAttachmentCommand('fjern-')).toBeNull();
    expect(readAttachmentCommand('slett-1')).toBeNull();
  });

  it('moves an attachment up and down and removes it; out of range changes nothing', () => {
    expect(applyAttachmentCommand([pdf, png], { kind: 'up', index: 1 })).toEqual([png, pdf]);
    expect(applyAttachmentCommand([pdf, png], { kind: 'down', index: 0 })).toEqual([png, pdf]);
    expect(applyAttachmentCommand([pdf, png], { kind: 'up', index: 0 })).toEqual([pdf, png]);
    expect(applyAttachmentCommand([pdf, png], { kind: 'down', index: 1 })).toEqual([pdf, png]);
    expect(applyAttachmentCommand([pdf, png], { kind: 'remove', index: 0 })).toEqual([png]);
    expect(applyAttachmentCommand([pdf, png], { kind: 'remove', index: 5 })).toEqual([pdf, png]);
  });

  it('adds an uploaded file under the title typed for it, or its file name', () => {
    const typed = withUploaded(
      resource({
        attachments: [pdf],
        newTitle: 'Sykkelkart',
        newAltText: 'Kart over sykkelveiene',
      }),
      {
        id: PNG,
        kindLabel: 'PNG',
        size: 48_000,
        image: { width: 800, height: 600, widths: [320, 640] },
        altText: 'Kart over sykkelveiene',
      },
      'kart.png',
    );
    expect(typed.attachments.at(-1)).toEqual({ ...png, title: 'Sykkelkart' });
    expect(typed.newTitle).toBe('');
    expect(typed.newAltText).toBe('');
    const named = withUploaded(
      resource(),
      { id: PDF, kindLabel: 'PDF', size: 10, image: null },
      'C:\\Dokumenter\\veileder_for-innkjop.pdf',
    );
    expect(named.attachments[0]?.title).toBe('veileder for innkjop');
    expect(named.attachments[0]?.altText).toBe('');
    expect(titleFromFileName('rapport.2026.xlsx')).toBe('rapport.2026');
  });
});

describe('validating the resource form', () => {
  it('takes a resource with only a title', () => {
    expect(validateResource(resource())).toEqual({});
  });

  it('finds every problem in one round, each next to its own field and row', () => {
    const errors = validateResource(
      resource({
        title: '',
        kind: 'brosjyre',
        language: 'de',
        audience: ['alle'],
        municipalities: ['32'],
        attachments: [pdf, { ...pdf, file: PNG, title: ' ' }, { ...png, altText: '' }],
        links: [{ title: '', url: 'ftp://x' }],
        publishedOn: '2026-02-30',
      }),
    );
    expect(errors).toEqual({
      title: 'Skriv en tittel på ressursen.',
      kind: 'Velg hva slags ressurs det er.',
      language: 'Velg språket ressursen er på.',
      audience: 'Velg målgrupper fra listen.',
      municipalities: 'Velg kommuner fra listen.',
      publishedOn: 'Skriv en gyldig publiseringsdato, for eksempel 01.03.2026.',
      'attachmentTitle-1': 'Vedlegg 2 må ha en tittel.',
      'attachmentAlt-2': 'Bildet i vedlegg 3 må ha en alternativ tekst som beskriver det.',
      'linkTitle-0': 'Skriv en lenketekst for lenke 1.',
      'linkUrl-0': 'Skriv en nettadresse som begynner med https:// eller http://.',
    });
  });

  it('asks the domain whether «sist gjennomgått» comes after the publication', () => {
    const errors = validateResource(
      resource({ publishedOn: '2026-03-01', lastReviewedOn: '2026-01-15' }),
    );
    expect(errors.lastReviewedOn).toMatch(/^Ressursen kan ikke være sist gjennomgått/);
    expect(
      validateResource(resource({ publishedOn: '2026-03-01', lastReviewedOn: '2026-03-01' })),
    ).toEqual({});
  });
});

describe('the API’s refusals on the form', () => {
  it('puts input issues next to their field, attachment or link row', () => {
    expect(
      resourceErrors(
        refusal({
          code: 'BAD_REQUEST',
          issues: [
            { path: ['themes'], message: 'Finnes ikke: mat.' },
            { path: ['attachments', '1', 'file'], message: 'Ukjent fil.' },
            { path: ['links', '0', 'url'], message: 'Ugyldig adresse.' },
            { path: ['project'], message: 'Finnes ikke.' },
          ],
        }),
      ),
    ).toEqual({
      themes: 'Finnes ikke: mat.',
      'attachmentTitle-1': 'Ukjent fil.',
      'linkUrl-0': 'Ugyldig adresse.',
      project: 'Finnes ikke.',
    });
  });

  it('puts a broken rule where it belongs, by its tag', () => {
    const rule = (tag: string, data: Record<string, unknown> = {}) =>
      Object.keys(resourceErrors(refusal({ message: 'Nei.', data: { tag, ...data } })));
    expect(rule('AttachmentAltTextMissing', { position: 2 })).toEqual(['attachmentAlt-2']);
    expect(rule('AttachmentTitleMissing', { position: 0 })).toEqual(['attachmentTitle-0']);
    expect(rule('ResourceProjectNotOfOwner')).toEqual(['project']);
    expect(rule('ResourceDatesInvalid')).toEqual(['lastReviewedOn']);
    expect(rule('ResourceNotPublishable')).toEqual(['themes']);
  });

  it('puts a refused upload next to the file, or next to the alt text when that is missing', () => {
    expect(uploadErrors({ field: 'file', message: 'Filen er større enn 20 MB.' })).toEqual({
      newFile: 'Filen er større enn 20 MB.',
    });
    expect(uploadErrors({ field: 'alt', message: 'Skriv en alternativ tekst.' })).toEqual({
      newAltText: 'Skriv en alternativ tekst.',
    });
  });
});

describe('a publish refused for what the resource lacks', () => {
  it('names, at each field, only what the domain’s rule finds missing', () => {
    const theme = { slug: 'utslippskutt', name: 'Utslippskutt' };
    const link = { title: 'Miljødirektoratet', url: 'https://www.miljodirektoratet.no/' };
    expect(publishErrors({ themes: [], attachments: [], links: [link] })).toEqual({
      themes: 'Velg minst ett tema og lagre før ressursen publiseres.',
    });
    expect(Object.keys(publishErrors({ themes: [theme], attachments: [], links: [] }))).toEqual([
      'attachments',
    ]);
    expect(Object.keys(publishErrors({ themes: [], attachments: [], links: [] }))).toEqual([
      'themes',
      'attachments',
    ]);
    expect(publishErrors({ themes: [theme], attachments: [], links: [link] })).toEqual({});
  });
});
