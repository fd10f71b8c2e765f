import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface LocalFilesConfig {
  readonly kind: 'local';
  /** An absolute directory. */
  readonly directory: string;
}

export interface S3FilesConfig {
  readonly kind: 's3';
  readonly bucket: string;
  readonly region: string;
  /** Unset: AWS itself. */
  readonly endpoint?: string;
  readonly forcePathStyle: boolean;
  /** Unset: the SDK's default chain (instance role, AWS_* variables, …). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

export type FilesConfig = LocalFilesConfig | S3FilesConfig;

/** A setting that cannot work; the process should stop at start with this message. */
export class FilesConfigError extends Error {
  override readonly name = 'FilesConfigError';
}

const findUp = (from: string): string | null => {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
};

/** The monorepo root (as packages/db finds it): the nearest ancestor with pnpm-workspace.yaml. */
export const findRepoRoot = (from: string = process.cwd()): string =>
  findUp(from) ?? findUp(import.meta.dirname) ?? resolve(from);

const S3_VARIABLES = [
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
] as const;

const flag = (name: string, value: string): boolean => {
  if (/^(1|true|yes)$/i.test(value)) return true;
  if (/^(0|false|no)$/i.test(value)) return false;
  throw new FilesConfigError(`${name} must be true or false, not «${value}»`);
};

/**
 * S3-compatible storage when `S3_BUCKET` is set, else the local directory `FILES_DIR` (default
 * `.data/files` at the repo root, next to the embedded database; relative paths are taken from
 * the repo root, since `pnpm --filter` runs scripts inside the package).
 */
export const filesConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): FilesConfig => {
  const read = (name: string): string => env[name]?.trim() ?? '';
  const bucket = read('S3_BUCKET');
  if (!bucket) {
    const stray = S3_VARIABLES.filter((name) => read(name) !== '');
    if (stray.length > 0) {
      throw new FilesConfigError(`S3_BUCKET is required when ${stray.join(', ')} is set`);
    }
    return {
      kind: 'local',
      directory: resolve(findRepoRoot(), read('FILES_DIR') || '.data/files'),
    };
  }
  const endpoint = read('S3_ENDPOINT');
  if (endpoint && !/^https?:\/\/[^/]/.test(endpoint)) {
    throw new FilesConfigError(`S3_ENDPOINT must be an http(s) URL, not «${endpoint}»`);
  }
  const accessKeyId = read('S3_ACCESS_KEY_ID');
  const secretAccessKey = read('S3_SECRET_ACCESS_KEY');
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new FilesConfigError('Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither');
  }
  const pathStyle = read('S3_FORCE_PATH_STYLE');
  return {
    kind: 's3',
    bucket,
    region: read('S3_REGION') || 'us-east-1',
    ...(endpoint ? { endpoint } : {}),
    // Most S3-compatible servers (MinIO, Ceph, Garage) want path-style requests.
    forcePathStyle: pathStyle ? flag('S3_FORCE_PATH_STYLE', pathStyle) : Boolean(endpoint),
    ...(accessKeyId ? { credentials: { accessKeyId, secretAccessKey } } : {}),
  };
};

/** Where the files are, for a start-up log line; never the credentials. */
export const describeFilesConfig = (config: FilesConfig): string =>
  config.kind === 'local'
    ? `local directory ${config.directory}`
    : `S3 bucket ${config.bucket}${config.endpoint ? ` at ${config.endpoint}` : ''}`;
