/**
 * The API's answer to an upload (`POST /files`, docs/contracts-resources.md) as the admin reads
 * it: the stored file, or a refusal with a Norwegian message and the field it belongs next to.
 */
import type { UploadedFile } from './resource-form.ts';

/** The message when the API does not answer as the contract says. */
export const UNAVAILABLE = 'Opplastingen feilet fordi tjenesten ikke svarte. Prøv igjen om litt.';

export type UploadAnswer =
  | { readonly ok: true; readonly file: UploadedFile }
  | {
      readonly ok: false;
      readonly status: number;
      readonly refusal: { readonly field: string | null; readonly message: string };
    };

/** The API's answer to an upload, read as the contract has it. */
export async function readUploadAnswer(response: Response): Promise<UploadAnswer> {
  const body = (await response.json().catch(() => null)) as {
    file?: UploadedFile;
    error?: { field?: string | null; message?: string };
  } | null;
  if (response.status === 201 && body?.file?.id) return { ok: true, file: body.file };
  const message = body?.error?.message;
  if (response.status === 401 || response.status === 403 || typeof message !== 'string') {
    return {
      ok: false,
      status: response.status === 403 ? 403 : 503,
      refusal: {
        field: 'file',
        message:
          response.status === 403 ? 'Du har ikke tilgang til å laste opp filer her.' : UNAVAILABLE,
      },
    };
  }
  return {
    ok: false,
    status: response.status,
    refusal: { field: body?.error?.field ?? 'file', message },
  };
}
