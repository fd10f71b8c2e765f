import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';

export const bytesOf = async (stream: Readable): Promise<Buffer> => buffer(stream);

export const streamOf = (data: Uint8Array | string): Readable =>
  Readable.from([typeof data === 'string' ? Buffer.from(data) : Buffer.from(data)]);
