import { describe, expect, it } from 'vitest';
import { filesConfigFromEnv, findRepoRoot } from '../src/config.ts';

const root = findRepoRoot();

describe('files configuration', () => {
  it('is a local directory next to the embedded database by default', () => {
    expect(filesConfigFromEnv({})).toEqual({ kind: 'local', directory: `${root}/.data/files` });
  });

  it('takes FILES_DIR relative to the repo root, or absolute', () => {
    expect(filesConfigFromEnv({ FILES_DIR: 'var/filer' })).toEqual({
      kind: 'local',
      directory: `${root}/var/filer`,
    });
    expect(filesConfigFromEnv({ FILES_DIR: '/srv/filer' })).toEqual({
      kind: 'local',
      directory: '/srv/filer',
    });
  });

  it('is S3-compatible storage when a bucket is named, path-style with an endpoint', () => {
    expect(
      filesConfigFromEnv({
        S3_BUCKET: 'klimakommuner',
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        S3_REGION: 'eu-north-1',
        S3_ACCESS_KEY_ID: 'nøkkel',
        S3_SECRET_ACCESS_KEY: 'hemmelig',
        FILES_DIR: 'ignored',
      }),
    ).toEqual({
      kind: 's3',
      bucket: 'klimakommuner',
      region: 'eu-north-1',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'nøkkel', secretAccessKey: 'hemmelig' },
    });
    expect(
      filesConfigFromEnv({
        S3_BUCKET: 'b',
        S3_FORCE_PATH_STYLE: 'false',
        S3_ENDPOINT: 'https://s3.example.no',
      }),
    ).toMatchObject({
      forcePathStyle: false,
    });
    // On AWS itself: the default region and the SDK's own credentials chain.
    expect(filesConfigFromEnv({ S3_BUCKET: 'b' })).toEqual({
      kind: 's3',
      bucket: 'b',
      region: 'us-east-1',
      forcePathStyle: false,
    });
  });

  it.each([
    [{ S3_ENDPOINT: 'http://127.0.0.1:9000' }, 'S3_BUCKET is required when S3_ENDPOINT is set'],
    [
      { S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k' },
      'Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY',
    ],
    [
      { S3_BUCKET: 'b', S3_FORCE_PATH_STYLE: 'kanskje' },
      'S3_FORCE_PATH_STYLE must be true or false',
    ],
    [{ S3_BUCKET: 'b', S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT must be an http(s) URL'],
  ])('refuses settings that cannot work: %o', (env, message) => {
    expect(() => filesConfigFromEnv(env)).toThrow(message);
  });

  it('never puts the secret in the error', () => {
    expect(() => filesConfigFromEnv({ S3_SECRET_ACCESS_KEY: 'hemmelig' })).toThrow(
      /^S3_BUCKET is required when S3_SECRET_ACCESS_KEY is set$/,
    );
  });
});
