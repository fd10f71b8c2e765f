// `pnpm users:create --email E --name N --role admin`
// `pnpm users:create --email E --name N --role editor|contributor --organisation SLUG`
// The password comes from KK_PASSWORD or a hidden prompt (a terminal only). Opens the database
// from DATABASE_URL / PGLITE_DIR (taking the PGlite lock), migrates and seeds it first.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  DatabaseLockedError,
  dbConfigFromEnv,
  migrate,
  openDatabase,
  seed,
} from '@klimakommuner/db';
import type { Role } from '@klimakommuner/domain';
import { checkPassword, createAccount } from '../access/accounts.ts';
import { maskSecrets } from '../errors.ts';

const USAGE =
  'Bruk: pnpm users:create --email E --name N --role admin\n' +
  '      pnpm users:create --email E --name N --role editor|contributor --organisation SLUG\n' +
  'Passordet leses fra KK_PASSWORD, ellers spørres det om det (skjult) i en terminal.';

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

/** Asks for the password without echoing it (a terminal only). */
const prompt = (question: string): Promise<string> =>
  new Promise((resolve) => {
    let muted = false;
    const output = new Writable({
      write(chunk, _encoding, callback) {
        if (!muted) process.stdout.write(chunk);
        callback();
      },
    });
    const rl = createInterface({ input: process.stdin, output, terminal: true });
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });

const readPassword = async (): Promise<string> => {
  const fromEnv = process.env.KK_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    return fail('Ingen terminal å spørre i: sett passordet i KK_PASSWORD.');
  }
  const first = await prompt('Passord: ');
  const again = await prompt('Gjenta passordet: ');
  if (first !== again) fail('Passordene er ikke like.');
  return first;
};

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        organisation: { type: 'string' },
      },
      strict: true,
    });
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
})();

if (!values.email || !values.name || !values.role) fail(USAGE);
const role = values.role;
let roles: Role[] = [];
if (role === 'admin') {
  if (values.organisation) fail('En administrator hører ikke til en organisasjon.');
  roles = [{ role: 'admin' }];
} else if (role === 'editor' || role === 'contributor') {
  if (!values.organisation) fail(`--role ${role} trenger --organisation SLUG.\n${USAGE}`);
  roles = [{ role, organisation: values.organisation ?? '' }];
} else {
  fail(`Ukjent rolle «${role}»: bruk admin, editor eller contributor.`);
}

const password = await readPassword();
try {
  checkPassword(password, 'password');
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

let handle: Awaited<ReturnType<typeof openDatabase>> | undefined;
try {
  handle = await openDatabase(dbConfigFromEnv());
  await migrate(handle.db);
  // The reference data (organisations) roles point at; idempotent, as the server does on start.
  await seed(handle.db);
  const user = await createAccount(
    handle.db,
    { email: values.email ?? '', name: values.name ?? '', password, roles },
    null,
  );
  console.log(
    `Opprettet ${user.email} (${user.roles.map((r) => r.role).join(', ')}), id ${user.id}.`,
  );
} catch (error) {
  process.exitCode = 1;
  if (error instanceof DatabaseLockedError) console.error(error.message);
  else if (error instanceof Error) console.error(maskSecrets(error.message));
  else console.error(String(error));
} finally {
  await handle?.close();
}
