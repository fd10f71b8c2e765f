import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localStorage } from '../src/storage/local.ts';
import { s3Storage } from '../src/storage/s3.ts';
import { InvalidKey, type Storage } from '../src/storage/storage.ts';
import { startTestS3, type TestS3 } from './support/s3-server.ts';
import { bytesOf, streamOf } from './support/streams.ts';

/** The bytes stored under `key`; a missing object fails the test. */
const read = async (storage: Storage, key: string): Promise<Buffer> => {
  const got = await storage.get(key);
  if (!got) throw new Error(`nothing stored under ${key}`);
  const bytes = await bytesOf(got.body);
  expect(got.size).toBe(bytes.length);
  return bytes;
};

const collect = async (storage: Storage, prefix: string) => {
  const keys: string[] = [];
  for await (const object of storage.list(prefix)) keys.push(object.key);
  return keys.sort();
};

/** A stream of `size` bytes in chunks of 64 KB, each chunk filled with its own index. */
const largeStream = (size: number) =>
  Readable.from(
    (function* () {
      for (let offset = 0, i = 0; offset < size; offset += 65_536, i++) {
        yield Buffer.alloc(Math.min(65_536, size - offset), i % 251);
      }
    })(),
  );

/** The same suite for every implementation: what the rest of the platform relies on. */
const storageSuite = (name: string, open: () => Storage) => {
  describe(name, () => {
    it('stores a stream under a key and gives it back with its size', async () => {
      const storage = open();
      const { size } = await storage.put('a1/original', streamOf('Hei, Ås og Ørland!'));
      expect(size).toBe(Buffer.byteLength('Hei, Ås og Ørland!'));
      expect((await read(storage, 'a1/original')).toString()).toBe('Hei, Ås og Ørland!');
      const head = await storage.head('a1/original');
      expect(head).toMatchObject({ key: 'a1/original', size });
      expect(head?.modifiedAt).toBeInstanceOf(Date);
    });

    it('streams an object larger than one multipart part', async () => {
      const storage = open();
      const size = 11 * 1024 * 1024 + 123;
      expect((await storage.put('big/original', largeStream(size))).size).toBe(size);
      const bytes = await read(storage, 'big/original');
      expect(bytes.length).toBe(size);
      expect(bytes[65_536 * 100]).toBe(100);
      expect(bytes[size - 1]).toBe(Math.floor((size - 1) / 65_536) % 251);
    });

    it('answers null for a key that is not there, and deleting it is no error', async () => {
      const storage = open();
      expect(await storage.get('missing/original')).toBeNull();
      expect(await storage.head('missing/original')).toBeNull();
      await expect(storage.delete('missing/original')).resolves.toBeUndefined();
    });

    it('replaces an object whole', async () => {
      const storage = open();
      await storage.put('r1/original', streamOf('first version, longer'));
      await storage.put('r1/original', streamOf('second'));
      expect((await read(storage, 'r1/original')).toString()).toBe('second');
    });

    it('lists by prefix and deletes', async () => {
      const storage = open();
      for (const key of ['l1/w640', 'l1/original', 'l1.x/original', 'l2/original', 'l1/w320']) {
        await storage.put(key, streamOf(key));
      }
      expect(await collect(storage, 'l1/')).toEqual(['l1/original', 'l1/w320', 'l1/w640']);
      expect(await collect(storage, 'l1')).toEqual([
        'l1.x/original',
        'l1/original',
        'l1/w320',
        'l1/w640',
      ]);
      for (const key of await collect(storage, 'l1/')) await storage.delete(key);
      expect(await collect(storage, 'l1/')).toEqual([]);
      expect(await collect(storage, 'l')).toEqual(['l1.x/original', 'l2/original']);
    });

    it('refuses keys that could leave the storage or name something hidden', async () => {
      const storage = open();
      for (const key of ['../x', 'a/../../x', '/etc/passwd', 'a//b', '.tmp/x', 'a\\b', 'a/', '']) {
        await expect(storage.put(key, streamOf('x'))).rejects.toBeInstanceOf(InvalidKey);
        await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidKey);
      }
      await expect(collect(storage, '../')).rejects.toBeInstanceOf(InvalidKey);
    });

    it('stores nothing when the stream fails halfway', async () => {
      const storage = open();
      const failing = Readable.from(
        (async function* () {
          yield Buffer.alloc(70_000, 1);
          throw new Error('the client went away');
        })(),
      );
      await expect(storage.put('f1/original', failing)).rejects.toThrow('the client went away');
      expect(await storage.head('f1/original')).toBeNull();
      expect(await collect(storage, 'f1')).toEqual([]);
    });
  });
};

let directory: string;
let s3: TestS3;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'kk-files-'));
  s3 = await startTestS3();
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
  await s3?.stop();
});

storageSuite('local directory', () => localStorage(directory));
storageSuite('S3-compatible storage', () => s3Storage(s3.config));

describe('local directory specifics', () => {
  it('leaves no temporary files behind and removes emptied folders', async () => {
    const storage = localStorage(directory);
    await storage.put('t1/sub/original', streamOf('x'));
    await storage.delete('t1/sub/original');
    expect(await readdir(join(directory, '.tmp'))).toEqual([]);
    expect((await readdir(directory)).includes('t1')).toBe(false);
  });
});
