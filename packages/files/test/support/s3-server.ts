import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from '@20minutes/s3rver';
import type { S3FilesConfig } from '../../src/config.ts';

export interface TestS3 {
  readonly config: S3FilesConfig;
  stop(): Promise<void>;
}

/**
 * An S3-compatible server in this process (@20minutes/s3rver, pure JavaScript, its objects in a
 * temporary directory) on an ephemeral loopback port, with one empty bucket. It knows one access
 * key, S3RVER (secret S3RVER).
 */
export const startTestS3 = async (): Promise<TestS3> => {
  const directory = await mkdtemp(join(tmpdir(), 'kk-s3rver-'));
  const bucket = 'klimakommuner-test';
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
    // The SDK signs bucket-level requests (ListObjectsV2) for the path `/bucket/`, s3rver checks
    // them against `/bucket` and refuses. With this flag the access key is still checked, a
    // mismatched signature is let through.
    allowMismatchedSignatures: true,
  });
  const { port } = await server.run();
  return {
    config: {
      kind: 's3',
      bucket,
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    },
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
};
