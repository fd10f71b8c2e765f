import { formatPopulation } from '@klimakommuner/domain';

/** «1 kommune», «6 kommuner». */
export function countMunicipalities(count: number): string {
  return `${formatPopulation(count)} ${count === 1 ? 'kommune' : 'kommuner'}`;
}

const sizeFormat = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });

/**
 * A file's size as people read it, in Norwegian number format: «850 byte», «12 kB», «1,2 MB».
 * Counted in 1024s, as the upload limit («Filen er større enn 20 MB») is.
 */
export function formatFileSize(bytes: number): string {
  const unit = (value: number, name: string) =>
    `${sizeFormat.format(value < 10 ? value : Math.round(value))}\u00a0${name}`;
  if (bytes < 1024) return `${sizeFormat.format(bytes)}\u00a0byte`;
  const kb = bytes / 1024;
  // 1023,95 kB would show as «1 024 kB»: from there on it is megabytes.
  return kb < 1023.95 ? unit(kb, 'kB') : unit(kb / 1024, 'MB');
}

/**
 * Where a page links a stored file: `/filer/<id>` (or `/filer/<id>/<variant>`) on the app's own
 * origin, which passes it on from the API (`/files/<id>`), so the page's CSP stays `'self'` and the
 * browser never needs the API's address.
 */
export function fileHref(file: string, variant?: string): string {
  return variant
    ? `/filer/${encodeURIComponent(file)}/${variant}`
    : `/filer/${encodeURIComponent(file)}`;
}

/** An image's `src` for browsers without srcset: its widest WebP, or the stored image itself. */
export function imageSrc(file: string, widths: readonly number[]): string {
  const widest = Math.max(0, ...widths);
  return widest > 0 ? fileHref(file, `w${widest}`) : fileHref(file);
}

/** An image attachment's `srcset` from the widths the API serves (`w320`, `w640`, …). */
export function imageSrcset(file: string, widths: readonly number[]): string {
  return widths.map((width) => `${fileHref(file, `w${width}`)} ${width}w`).join(', ');
}
