import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import {
  type FileHandle,
  mkdir,
  open,
  readdir,
  rename,
  rmdir,
  stat,
  unlink,
} from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertKey, assertPrefix, type Storage, type StoredObject } from './storage.ts';

/** Where writes are prepared before they are renamed into place; never a valid key. */
const TEMP = '.tmp';

const isMissing = (error: unknown): boolean => {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
};

/** Renames into a folder made for it (again, if a delete removed it as empty just then). */
const renameInto = async (from: string, to: string): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    await mkdir(dirname(to), { recursive: true });
    try {
      return await rename(from, to);
    } catch (error) {
      if (attempt >= 3 || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
};

/** A local directory: the default. Writes go to a temporary file, then are renamed into place. */
export const localStorage = (directory: string): Storage => {
  const root = resolve(directory);

  const pathOf = (key: string): string => {
    const path = resolve(root, assertKey(key));
    // assertKey already rules out escapes; this is the belt to its braces.
    if (!path.startsWith(root + sep)) throw new Error(`Key escapes the directory: ${key}`);
    return path;
  };

  const removeEmptyParents = async (path: string): Promise<void> => {
    for (let dir = dirname(path); dir !== root && dir.startsWith(root + sep); dir = dirname(dir)) {
      try {
        await rmdir(dir);
      } catch {
        return; // not empty (or gone): stop climbing
      }
    }
  };

  async function* walk(dir: string): AsyncGenerator<StoredObject> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) yield* walk(path);
      else if (entry.isFile()) {
        const info = await stat(path).catch((error) => {
          if (isMissing(error)) return null; // deleted while we walked
          throw error;
        });
        if (info) {
          const key = relative(root, path).split(sep).join('/');
          yield { key, size: info.size, modifiedAt: info.mtime };
        }
      }
    }
  }

  return {
    async put(key, body: Readable) {
      const target = pathOf(key);
      const temp = join(root, TEMP, randomUUID());
      await mkdir(dirname(temp), { recursive: true });
      try {
        // `flush`: the bytes are on disk before the rename makes them visible.
        await pipeline(body, createWriteStream(temp, { flags: 'wx', flush: true }));
        const { size } = await stat(temp);
        await renameInto(temp, target);
        return { size };
      } catch (error) {
        await unlink(temp).catch(() => {});
        throw error;
      }
    },

    async get(key) {
      const path = pathOf(key);
      let handle: FileHandle;
      try {
        handle = await open(path, 'r');
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      try {
        const info = await handle.stat();
        if (!info.isFile()) throw new Error(`Not a file: ${key}`);
        return { body: handle.createReadStream(), size: info.size };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },

    async head(key) {
      try {
        const info = await stat(pathOf(key));
        return info.isFile() ? { key, size: info.size, modifiedAt: info.mtime } : null;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async delete(key) {
      const path = pathOf(key);
      try {
        await unlink(path);
      } catch (error) {
        if (isMissing(error)) return;
        throw error;
      }
      await removeEmptyParents(path);
    },

    async *list(prefix) {
      assertPrefix(prefix);
      // Start from the deepest directory the prefix names; filter the rest by the key itself.
      const slash = prefix.lastIndexOf('/');
      const start = slash < 0 ? root : join(root, prefix.slice(0, slash));
      for await (const object of walk(start)) {
        if (object.key.startsWith(prefix)) yield object;
      }
    },
  };
};
