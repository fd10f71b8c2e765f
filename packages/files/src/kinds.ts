/**
 * The allow-list: every kind of file the platform accepts, decided by the bytes (see detect/).
 * Anything else is refused.
 */
export type DocumentKind = 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp' | 'csv';
export type ImageKind = 'png' | 'jpeg' | 'webp';
export type FileKind = DocumentKind | ImageKind;

export interface KindInfo {
  /** The media type the file is stored and served with. */
  readonly mediaType: string;
  /** The extension of the generated download name. */
  readonly extension: string;
  /** What people call it, for the admin's lists («PDF», «Word»). */
  readonly label: string;
  readonly image: boolean;
}

export const KINDS: Readonly<Record<FileKind, KindInfo>> = {
  pdf: { mediaType: 'application/pdf', extension: 'pdf', label: 'PDF', image: false },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    label: 'Word',
    image: false,
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    label: 'Excel',
    image: false,
  },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extension: 'pptx',
    label: 'PowerPoint',
    image: false,
  },
  odt: {
    mediaType: 'application/vnd.oasis.opendocument.text',
    extension: 'odt',
    label: 'OpenDocument-tekst',
    image: false,
  },
  ods: {
    mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
    extension: 'ods',
    label: 'OpenDocument-regneark',
    image: false,
  },
  odp: {
    mediaType: 'application/vnd.oasis.opendocument.presentation',
    extension: 'odp',
    label: 'OpenDocument-presentasjon',
    image: false,
  },
  csv: { mediaType: 'text/csv', extension: 'csv', label: 'CSV', image: false },
  png: { mediaType: 'image/png', extension: 'png', label: 'PNG', image: true },
  jpeg: { mediaType: 'image/jpeg', extension: 'jpg', label: 'JPEG', image: true },
  webp: { mediaType: 'image/webp', extension: 'webp', label: 'WebP', image: true },
};

export const isImageKind = (kind: FileKind): kind is ImageKind => KINDS[kind].image;

/** Extensions people give files of each kind (lower case), beyond the one downloads get. */
const OTHER_EXTENSIONS: Readonly<Record<string, FileKind>> = {
  jpeg: 'jpeg',
  jpe: 'jpeg',
  jfif: 'jpeg',
};

const BY_EXTENSION: Readonly<Record<string, FileKind>> = {
  ...Object.fromEntries(
    (Object.entries(KINDS) as [FileKind, KindInfo][]).map(([kind, info]) => [info.extension, kind]),
  ),
  ...OTHER_EXTENSIONS,
};

/**
 * The kind an uploaded file's name claims by its extension («rapport.PDF» → pdf, with the
 * extension as written, in lower case), or null when it has none, or one that is no allowed
 * kind's («notat.txt», «bilde.svg»): then the bytes alone decide.
 */
export const claimedKind = (
  name: string,
): { readonly kind: FileKind; readonly extension: string } | null => {
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(name.trim())?.[1]?.toLowerCase();
  const kind =
    extension !== undefined && Object.hasOwn(BY_EXTENSION, extension)
      ? BY_EXTENSION[extension]
      : undefined;
  return extension !== undefined && kind !== undefined ? { kind, extension } : null;
};
