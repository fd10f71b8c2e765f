import { createHash } from 'node:crypto';
import { type Readable, Transform } from 'node:stream';

export interface Measured {
  /** The bytes of `source`, unchanged, with `source`'s errors passed on. */
  readonly stream: Readable;
  /** Size and SHA-256 (hex) of what went through; call once the stream has ended. */
  readonly result: () => { size: number; sha256: string };
}

/** Counts and hashes a stream on its way to storage. */
export const measure = (source: Readable): Measured => {
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  // The consumer (storage's put) may still be getting ready (making a directory) when the
  // source fails: the error is kept on the stream for it (pipeline rejects with it), never
  // thrown out of the process for want of a listener.
  tap.on('error', () => {});
  let failed = false;
  source.on('error', (error) => {
    failed = true;
    tap.destroy(error);
  });
  // Closed early because the storage failed: close the source too, so no file stays open.
  tap.on('close', () => {
    if (!failed && !source.readableEnded) source.destroy();
  });
  source.pipe(tap);
  let digest: string | null = null;
  return {
    stream: tap,
    result: () => {
      digest ??= hash.digest('hex');
      return { size, sha256: digest };
    },
  };
};
