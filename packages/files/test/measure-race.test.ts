import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { measure } from '../src/measure.ts';

it('keeps a source error that comes before the consumer is ready, and hands it to the consumer', async () => {
  const source = new Readable({ read() {} });
  const { stream } = measure(source);
  source.destroy(new Error('kan ikke lese bildet'));
  // Storage makes its directory first: the error happened while nobody listened.
  await sleep(20);
  await expect(
    pipeline(stream, new Writable({ write: (_chunk, _encoding, done) => done() })),
  ).rejects.toThrow('kan ikke lese bildet');
});
