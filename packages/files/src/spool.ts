import { createWriteStream } from 'node:fs';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type Spooled = { readonly size: number } | 'too-large' | 'aborted';

class TooLarge extends Error {}
class Aborted extends Error {}

/**
 * Writes `source` to a new file at `path`, refusing as soon as more than `maxBytes` have come:
 * what came so far is on disk (never in memory) and the caller removes it. The source is not
 * destroyed on refusal, only no longer read, so that an HTTP server can still answer (and then
 * close the connection). A source that closes before its end resolves `aborted`.
 */
export const spool = (source: Readable, path: string, maxBytes: number): Promise<Spooled> => {
  let size = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) done(new TooLarge());
      else done(null, chunk);
    },
  });
  const onError = (error: Error) => limiter.destroy(error);
  const onClose = () => {
    if (!source.readableEnded) limiter.destroy(new Aborted());
  };
  source.on('error', onError);
  source.once('close', onClose);
  source.pipe(limiter);
  return pipeline(limiter, createWriteStream(path, { flags: 'wx' }))
    .then(
      () => ({ size }),
      (error: unknown) => {
        source.unpipe(limiter);
        if (!source.destroyed) source.pause();
        if (error instanceof TooLarge) return 'too-large';
        if (error instanceof Aborted || source.destroyed) return 'aborted';
        throw error;
      },
    )
    .finally(() => {
      source.off('error', onError);
      source.off('close', onClose);
    });
};
