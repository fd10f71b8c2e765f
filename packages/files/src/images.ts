import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import type { ImageKind } from './kinds.ts';
import { measure } from './measure.ts';
import type { RefusalCode } from './refusal.ts';
import type { Storage } from './storage/storage.ts';

/** The widths of the WebP versions; an image narrower than one gets one at its own width. */
export const IMAGE_WIDTHS = [320, 640, 1280] as const;
/**
 * Larger images are refused before they are decoded: 50 megapixels (a 48 MP phone photo
 * passes) is 200 MB decoded, while a PNG of a few hundred bytes can claim gigabytes.
 */
export const MAX_PIXELS = 50_000_000;

export interface StoredVariant {
  /** `original` (the image re-encoded in its own format) or `w320`, `w640`, … (WebP). */
  readonly name: string;
  readonly key: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly width?: number;
  readonly height?: number;
}

export interface ImageOptions {
  readonly widths?: readonly number[];
  readonly maxPixels?: number;
}

const SHARP_FORMAT: Readonly<Record<ImageKind, string>> = {
  png: 'png',
  jpeg: 'jpeg',
  webp: 'webp',
};

const MEDIA_TYPE: Readonly<Record<ImageKind, string>> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

/** The image data could not be decoded while re-encoding (as opposed to storage failing). */
export class ImageUnreadable extends Error {
  override readonly name = 'ImageUnreadable';
}

export type ImageCheck =
  | { readonly width: number; readonly height: number }
  | { readonly refused: Extract<RefusalCode, 'too-many-pixels' | 'damaged'> };

/**
 * Reads the header only: the size as shown (EXIF orientation applied), refused when it is over
 * the pixel limit or when the decoder sees another format than detection did.
 */
export const checkImage = async (
  path: string,
  kind: ImageKind,
  maxPixels: number = MAX_PIXELS,
): Promise<ImageCheck> => {
  let meta: Metadata;
  try {
    // The header only: no pixels are decoded here, so the limit is checked below, by us, with
    // a message of its own (sharp's own check would throw like any damaged file).
    meta = await sharp(path, { limitInputPixels: false }).metadata();
  } catch {
    return { refused: 'damaged' };
  }
  if (meta.format !== SHARP_FORMAT[kind] || !meta.width || !meta.height) {
    return { refused: 'damaged' };
  }
  if (meta.width * meta.height > maxPixels) return { refused: 'too-many-pixels' };
  const turned = (meta.orientation ?? 1) >= 5;
  return turned
    ? { width: meta.height, height: meta.width }
    : { width: meta.width, height: meta.height };
};

const open = (path: string, maxPixels: number): Sharp =>
  // One frame of an animation; metadata (EXIF, XMP, GPS) is dropped on output by default.
  sharp(path, { limitInputPixels: maxPixels, failOn: 'error', animated: false }).autoOrient();

const encode = (image: Sharp, kind: ImageKind): Sharp =>
  kind === 'png'
    ? image.png()
    : kind === 'jpeg'
      ? image.jpeg({ quality: 85, progressive: true })
      : image.webp({ quality: 85 });

/** The widths to make for an image `width` wide: never wider than the image itself. */
export const variantWidths = (width: number, widths: readonly number[] = IMAGE_WIDTHS): number[] =>
  [...new Set(widths.map((w) => Math.min(w, width)))].sort((a, b) => a - b);

/**
 * Re-encodes a checked image into storage under `${id}/…`: the original format at full size
 * (turned upright, metadata stripped) and WebP at each width. The uploaded bytes themselves are
 * never stored. Resolves with what was stored; on failure, what was stored is removed.
 */
export const storeImage = async (
  storage: Storage,
  id: string,
  path: string,
  kind: ImageKind,
  size: { width: number; height: number },
  options: ImageOptions = {},
): Promise<StoredVariant[]> => {
  const maxPixels = options.maxPixels ?? MAX_PIXELS;
  const plan = [
    { name: 'original', kind, width: size.width },
    ...variantWidths(size.width, options.widths).map((width) => ({
      name: `w${width}`,
      kind: 'webp' as const,
      width,
    })),
  ];
  const stored: StoredVariant[] = [];
  let unreadable = false;
  try {
    for (const step of plan) {
      const key = `${id}/${step.name}`;
      const image = open(path, maxPixels);
      if (step.width !== size.width) image.resize({ width: step.width, withoutEnlargement: true });
      const encoder = encode(image, step.kind);
      // `on`, not `once`: should sharp emit a second error, it is heard too.
      encoder.on('error', () => {
        unreadable = true;
      });
      let info: OutputInfo | undefined;
      encoder.on('info', (output: OutputInfo) => {
        info = output;
      });
      const measured = measure(encoder);
      const mediaType = MEDIA_TYPE[step.kind];
      await storage.put(key, measured.stream, { contentType: mediaType });
      stored.push({
        name: step.name,
        key,
        mediaType,
        ...measured.result(),
        width: info?.width ?? step.width,
        height: info?.height ?? Math.round((size.height * step.width) / size.width),
      });
    }
    return stored;
  } catch (error) {
    await Promise.all(stored.map((variant) => storage.delete(variant.key).catch(() => {})));
    throw unreadable
      ? new ImageUnreadable('The image could not be decoded', { cause: error })
      : error;
  }
};
