import type { FilesConfig } from '../config.ts';
import { localStorage } from './local.ts';
import { s3Storage } from './s3.ts';
import type { Storage } from './storage.ts';

export const openStorage = (config: FilesConfig): Storage =>
  config.kind === 'local' ? localStorage(config.directory) : s3Storage(config);
