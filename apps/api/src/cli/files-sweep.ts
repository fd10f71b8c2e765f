// `pnpm files:sweep`: removes stored files nothing needs any more (a deleted resource's after
// the audit window, uploads never attached after a day). Same database and storage settings as
// the API (DATABASE_URL or PGLITE_DIR; FILES_DIR or S3_*). Run it daily, e.g. from cron.
import { dbConfigFromEnv, openDatabase } from '@klimakommuner/db';
import { filesConfigFromEnv, openStorage } from '@klimakommuner/files';
import { sweepStoredFiles } from '../resource/sweep.ts';

const handle = await openDatabase(dbConfigFromEnv());
try {
  const report = await sweepStoredFiles(handle.db, openStorage(filesConfigFromEnv()));
  console.log(`Examined ${report.examined} stored files, removed ${report.removed.length}.`);
} finally {
  await handle.close();
}
