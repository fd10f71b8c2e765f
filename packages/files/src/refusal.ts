/** Why an upload was refused, with the Norwegian sentence an editor sees next to the field. */
export type RefusalCode =
  | 'too-large'
  | 'empty'
  | 'not-allowed'
  | 'active-content'
  | 'not-an-image'
  | 'name-mismatch'
  | 'csv-encoding'
  | 'damaged'
  | 'too-many-pixels'
  | 'alt-missing'
  | 'alt-too-long'
  | 'alt-unstorable'
  | 'no-file'
  | 'too-many-files'
  | 'malformed';

export interface Refusal {
  readonly code: RefusalCode;
  /** The form field the message belongs next to. */
  readonly field: 'file' | 'alt';
  readonly message: string;
  /** The HTTP status an upload endpoint answers with. */
  readonly status: 400 | 413 | 415;
}

export const ALLOWED_TYPES_TEXT =
  'PDF, Word, Excel, PowerPoint, OpenDocument, CSV, PNG, JPEG, WebP';

/** «20 MB», «1,5 MB»: megabytes of 1 048 576 bytes, written the Norwegian way. */
export const formatMegabytes = (bytes: number): string =>
  `${new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 }).format(bytes / 1_048_576)} MB`;

export const MAX_ALT_TEXT = 1000;

export interface RefusalContext {
  readonly maxBytes?: number;
  readonly maxPixels?: number;
  /** name-mismatch: the extension of the file's name, and what its bytes are. */
  readonly named?: string;
  readonly actual?: { readonly label: string; readonly extension: string };
}

export const refusal = (code: RefusalCode, context: RefusalContext = {}): Refusal => {
  switch (code) {
    case 'too-large':
      return file(code, 413, `Filen er større enn ${formatMegabytes(context.maxBytes ?? 0)}.`);
    case 'empty':
      return file(code, 400, 'Filen er tom.');
    case 'not-allowed':
      return file(code, 415, `Filen er ikke en av de tillatte typene (${ALLOWED_TYPES_TEXT}).`);
    case 'active-content':
      return file(
        code,
        415,
        'Filen inneholder makroer eller annet aktivt innhold, og det tillates ikke. Lagre den uten makroer (for eksempel som .docx, .xlsx eller .pptx) og prøv igjen.',
      );
    case 'not-an-image':
      return file(code, 415, 'Filen er ikke et bilde. Bruk PNG, JPEG eller WebP.');
    case 'name-mismatch':
      return file(
        code,
        415,
        `Filen heter .${context.named ?? ''}, men innholdet er ${context.actual?.label ?? 'en annen type'}. Sjekk at du har valgt riktig fil${context.actual ? `, eller gi den endelsen .${context.actual.extension}` : ''}.`,
      );
    case 'csv-encoding':
      return file(code, 415, 'CSV-filen må være lagret som UTF-8.');
    case 'damaged':
      return file(code, 400, 'Filen ser ut til å være skadet og kan ikke leses.');
    case 'too-many-pixels': {
      const megapixels = Math.floor((context.maxPixels ?? 0) / 1_000_000);
      return file(
        code,
        413,
        `Bildet er for stort (mer enn ${megapixels} megapiksler). Gjør det mindre og prøv igjen.`,
      );
    }
    case 'alt-missing':
      return alt(code, 'Skriv en alternativ tekst som forteller hva bildet viser.');
    case 'alt-too-long':
      return alt(code, `Den alternative teksten kan ha høyst ${MAX_ALT_TEXT} tegn.`);
    case 'alt-unstorable':
      return alt(
        code,
        'Den alternative teksten inneholder tegn som ikke kan lagres (et nulltegn, et kontrolltegn eller et ufullstendig tegn).',
      );
    case 'no-file':
      return file(code, 400, 'Velg en fil å laste opp.');
    case 'too-many-files':
      return file(code, 400, 'Last opp én fil om gangen.');
    case 'malformed':
      return file(code, 400, 'Opplastingen kom ikke fram i sin helhet. Prøv igjen.');
  }
};

const file = (code: RefusalCode, status: Refusal['status'], message: string): Refusal => ({
  code,
  field: 'file',
  message,
  status,
});

const alt = (code: RefusalCode, message: string): Refusal => ({
  code,
  field: 'alt',
  message,
  status: 400,
});
