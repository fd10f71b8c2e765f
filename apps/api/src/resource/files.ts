import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { type DbHandle, fileForServing, recordFile } from '@klimakommuner/db';
import { can, decodeValue, Slug } from '@klimakommuner/domain';
import {
  type FileKind,
  intakeMultipart,
  KINDS,
  type Storage,
  serveFile,
} from '@klimakommuner/files';
import { Result } from 'effect';
import { resolveAuth } from '../access/sessions.ts';
import { bearerToken, sendJson } from '../http.ts';
import type { Auth, Services } from '../trpc.ts';

// The two routes beside /trpc for files (docs/contracts-resources.md): uploads stream through
// packages/files' intake into storage, and stored files are served with its headers, a draft's
// only to those who may read the organisation's drafts.

export interface FileRoutes {
  readonly db: DbHandle['db'];
  readonly storage: Storage;
  readonly now: () => Date;
  readonly services: Services;
  readonly clientAddress: (req: IncomingMessage) => string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A refused body still coming is discarded while it keeps coming: cut after this long idle… */
const DISCARD_IDLE_MS = 2_000;
/** …or after this many bytes of it, or this long in all, whichever comes first. */
const DISCARD_MAX_BYTES = 64 * 1024 * 1024;
const DISCARD_MAX_MS = 60_000;

/**
 * An answer about the upload. The rest of a refused body is not kept: once the answer is out it
 * is read and thrown away for as long as it keeps coming (bounded in bytes and time), so the
 * client finishes sending and reads the answer. Cutting the connection while the client still
 * sends resets it, and a reset can take the answer with it (fetch then reports «fetch failed»).
 * No `Connection: close` either, which closes at once.
 */
const answer = (
  res: ServerResponse,
  status: number,
  error: { code: string; field?: string; message: string },
) => {
  res.once('finish', () => {
    const { req } = res;
    if (req.readableEnded) return;
    req.unpipe();
    req.removeAllListeners('data');
    let discarded = 0;
    const cut = () => req.socket.destroy();
    let idle = setTimeout(cut, DISCARD_IDLE_MS);
    const total = setTimeout(cut, DISCARD_MAX_MS);
    idle.unref();
    total.unref();
    req.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      clearTimeout(idle);
      if (discarded > DISCARD_MAX_BYTES) return cut();
      idle = setTimeout(cut, DISCARD_IDLE_MS);
      idle.unref();
    });
    req.once('close', () => {
      clearTimeout(idle);
      clearTimeout(total);
    });
    req.resume();
  });
  sendJson(res, status, { error });
};

const MULTIPART = /^multipart\/form-data\s*;/i;

/** `POST /files?organisation=<slug>`: one file (and its alt text) for the organisation. */
export const uploadFile = async (
  req: IncomingMessage,
  res: ServerResponse,
  routes: FileRoutes,
): Promise<void> => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const organisation = decodeValue(Slug, url.searchParams.get('organisation') ?? '');
  const auth: Auth = await resolveAuth(routes.db, bearerToken(req), routes.now());
  const refuse = async (status: 401 | 403, organisationSlug: string | null) => {
    await routes.services.auditRefused({
      auth,
      action: 'content.create',
      organisation: organisationSlug,
      path: 'files.upload',
      clientAddress: routes.clientAddress(req),
    });
    answer(res, status, {
      code: status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN',
      message:
        status === 401
          ? 'Du må være logget inn for å laste opp filer.'
          : 'Du har ikke tilgang til å laste opp filer for denne organisasjonen.',
    });
  };
  if (auth.actor.kind === 'anonymous') return refuse(401, null);
  if (Result.isFailure(organisation)) {
    return answer(res, 400, {
      code: 'BAD_REQUEST',
      field: 'organisation',
      message: `Organisasjonen mangler eller er ugyldig: ${organisation.failure}`,
    });
  }
  if (!can(auth.actor, 'content.create', { organisation: organisation.success })) {
    return refuse(403, organisation.success);
  }
  const contentType = req.headers['content-type'];
  if (!MULTIPART.test(contentType ?? '')) {
    return answer(res, 415, {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Filen må sendes som multipart/form-data, med filen i feltet «file».',
    });
  }
  const declared = Number(req.headers['content-length']);
  const intake = await intakeMultipart(routes.storage, req, contentType, {
    ...(Number.isFinite(declared) ? { contentLength: declared } : {}),
  });
  if (!intake.ok) {
    const { code, field, message, status } = intake.refusal;
    return answer(res, status, { code, field, message });
  }
  const { file } = intake;
  // What was stored is not kept unless the database remembers it: the sweep only finds files
  // that it knows of.
  const forget = () => Promise.all(file.variants.map((v) => routes.storage.delete(v.key)));
  let recorded: Awaited<ReturnType<typeof recordFile>>;
  try {
    recorded = await recordFile(
      routes.db,
      { file: { ...file, kindLabel: KINDS[file.kind].label }, organisation: organisation.success },
      auth.auditActor,
    );
  } catch (error) {
    await forget().catch(() => undefined);
    throw error;
  }
  if (Result.isFailure(recorded)) {
    // An organisation that does not exist (only an admin gets this far with one): nothing kept.
    await forget();
    return answer(res, 400, {
      code: 'BAD_REQUEST',
      field: 'organisation',
      message: `Fant ingen organisasjon med adressen «${organisation.success}».`,
    });
  }
  sendJson(res, 201, {
    file: {
      id: file.id,
      kind: file.kind,
      kindLabel: KINDS[file.kind].label,
      mediaType: file.mediaType,
      size: file.size,
      image:
        file.image === null
          ? null
          : {
              width: file.image.width,
              height: file.image.height,
              widths: file.variants.flatMap((v) =>
                /^w\d+$/.test(v.name) && v.width !== undefined ? [v.width] : [],
              ),
            },
      altText: file.image?.altText ?? null,
    },
  });
};

const notFound = (res: ServerResponse) =>
  sendJson(res, 404, { error: { code: 'NOT_FOUND', message: 'Fant ikke filen.' } });

/**
 * `GET /files/<id>[/<variant>]`: a public resource's file to anyone; any other to a bearer who
 * may read the owner's drafts; else 404, as an unknown one.
 */
export const serveStoredFile = async (
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  routes: FileRoutes,
): Promise<void> => {
  const [, , id = '', variantName = 'original', ...rest] = path.split('/');
  if (!UUID.test(id) || rest.length > 0 || !/^(original|w\d{1,5})$/.test(variantName)) {
    return notFound(res);
  }
  const file = await fileForServing(routes.db, id, routes.now());
  if (file === null) return notFound(res);
  let visibility: 'public' | 'private' = 'public';
  if (!file.public) {
    const auth = await resolveAuth(routes.db, bearerToken(req), routes.now());
    if (!can(auth.actor, 'content.read-drafts', { organisation: file.organisation })) {
      return notFound(res);
    }
    visibility = 'private';
  }
  const variant = file.variants.find((v) => v.name === variantName);
  if (!variant) return notFound(res);
  const ifNoneMatch = req.headers['if-none-match'];
  const served = await serveFile(
    routes.storage,
    {
      key: variant.key,
      kind: file.kind as FileKind,
      mediaType: variant.mediaType,
      sha256: variant.sha256,
      title: file.title ?? file.kindLabel,
    },
    visibility,
    typeof ifNoneMatch === 'string' ? ifNoneMatch : undefined,
  );
  if (served.status === 404) return notFound(res);
  res.writeHead(served.status, served.headers);
  if (served.status === 304 || req.method === 'HEAD') {
    if (served.status === 200) served.body.destroy();
    res.end();
    return;
  }
  // pipeline, not pipe: a client that goes away mid-file closes the file at once, instead of
  // leaving it open until garbage collection; a read error ends the response.
  pipeline(served.body, res, () => {});
};
