export {
  describeFilesConfig,
  type FilesConfig,
  FilesConfigError,
  filesConfigFromEnv,
  type LocalFilesConfig,
  type S3FilesConfig,
} from './config.ts';
export { type Detection, detectFile } from './detect/detect.ts';
export { asciiFallback, contentDisposition, downloadName } from './filename.ts';
export { IMAGE_WIDTHS, MAX_PIXELS, type StoredVariant, variantWidths } from './images.ts';
export {
  type IntakeOptions,
  type IntakeResult,
  intakeStream,
  MAX_UPLOAD_BYTES,
  type StoredFile,
} from './intake.ts';
export { type DocumentKind, type FileKind, type ImageKind, isImageKind, KINDS } from './kinds.ts';
export { intakeMultipart, type MultipartOptions, type MultipartResult } from './multipart.ts';
export { extractPdfText, type PdfText, type PdfTextOptions } from './pdf-text.ts';
export {
  ALLOWED_TYPES_TEXT,
  MAX_ALT_TEXT,
  type Refusal,
  type RefusalCode,
  refusal,
} from './refusal.ts';
export {
  type FileUse,
  type RetentionPolicy,
  removableFiles,
  type StoredFileSummary,
  type SweepOptions,
  type SweepReport,
  sweepFiles,
} from './retention.ts';
export {
  etagOf,
  FILE_CSP,
  fileHeaders,
  matchesEtag,
  type Served,
  type ServedObject,
  serveFile,
  type Visibility,
} from './serve.ts';
export { localStorage } from './storage/local.ts';
export { openStorage } from './storage/open.ts';
export { s3Storage } from './storage/s3.ts';
export {
  assertKey,
  InvalidKey,
  type Storage,
  type StoredBody,
  type StoredObject,
} from './storage/storage.ts';
