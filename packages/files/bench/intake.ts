/**
 * Prints how long intake takes on this machine for the largest files it is meant for, and how
 * long the event loop was held meanwhile. Not a test: `node bench/intake.ts`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { csvFile, jpegImage, pdfFile } from '../src/fixtures/index.ts';
import { intakeStream } from '../src/intake.ts';
import { localStorage } from '../src/storage/local.ts';

const dir = await mkdtemp(join(tmpdir(), 'kk-files-bench-'));
const storage = localStorage(join(dir, 'files'));

const measure = async (label: string, bytes: Buffer, altText?: string) => {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const start = performance.now();
  const result = await intakeStream(storage, Readable.from([bytes]), {
    spoolDir: dir,
    ...(altText ? { altText } : {}),
  });
  const ms = performance.now() - start;
  loop.disable();
  const outcome = result.ok
    ? `${result.file.kind}, ${result.file.variants.length} stored`
    : result.refusal.code;
  console.log(
    `${label.padEnd(34)} ${(bytes.length / 1_048_576).toFixed(1).padStart(5)} MB ${ms.toFixed(0).padStart(6)} ms   event loop max ${(loop.max / 1e6).toFixed(0).padStart(4)} ms   (${outcome})`,
  );
};

const rows = Array.from({ length: 330_000 }, (_, i) => [
  `Kommune ${i}`,
  'Tiltak for klimagassutslipp',
  i * 1.5,
  'Ås',
]);
const pages = Array.from({ length: 400 }, (_, i) =>
  Array.from(
    { length: 40 },
    (_, line) => `Side ${i + 1}, linje ${line + 1}: klimabudsjett og anskaffelser i Ås og Bærum`,
  ),
);

try {
  await measure('CSV, 330 000 rows', csvFile(rows));
  await measure('PDF, 400 pages of text', pdfFile({ pages }));
  await measure('JPEG 4000×3000, smooth', await jpegImage({ width: 4000, height: 3000 }), 'Foto');
  // Noise compresses as badly as a detailed photo does: a large file for its pixels.
  const noise = await sharp(randomBytes(4000 * 3000 * 3), {
    raw: { width: 4000, height: 3000, channels: 3 },
  })
    .jpeg({ quality: 80 })
    .toBuffer();
  await measure('JPEG 4000×3000, noise', noise, 'Foto');
  const png = await sharp(randomBytes(2500 * 2000 * 3), {
    raw: { width: 2500, height: 2000, channels: 3 },
  })
    .png()
    .toBuffer();
  await measure('PNG 2500×2000, noise', png, 'Skjermbilde');
} finally {
  await rm(dir, { recursive: true, force: true });
}
