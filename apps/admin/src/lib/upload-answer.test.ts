import { describe, expect, it } from 'vitest';
import { readUploadAnswer, UNAVAILABLE } from './upload-answer.ts';

const answer = (status: number, body: unknown) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

describe('reading the API’s answer to an upload', () => {
  it('takes the stored file from a 201', async () => {
    const file = {
      id: '0b5c1a52-8d7e-4c3f-9a1b-2c3d4e5f6a7b',
      kindLabel: 'PDF',
      size: 900,
      image: null,
    };
    expect(await readUploadAnswer(answer(201, { file }))).toEqual({ ok: true, file });
  });

  it('keeps the refusal’s Norwegian message and field, and its status', async () => {
    expect(
      await readUploadAnswer(
        answer(413, {
          error: { code: 'too-large', field: 'file', message: 'Filen er større enn 20 MB.' },
        }),
      ),
    ).toEqual({
      ok: false,
      status: 413,
      refusal: { field: 'file', message: 'Filen er større enn 20 MB.' },
    });
    expect(
      await readUploadAnswer(
        answer(400, {
          error: { code: 'alt-missing', field: 'alt', message: 'Skriv en alternativ tekst.' },
        }),
      ),
    ).toMatchObject({ refusal: { field: 'alt' } });
  });

  it('says in Norwegian when the editor may not upload, never the API’s words', async () => {
    expect(await readUploadAnswer(answer(403, { error: { message: 'Forbidden' } }))).toEqual({
      ok: false,
      status: 403,
      refusal: { field: 'file', message: 'Du har ikke tilgang til å laste opp filer her.' },
    });
  });

  it('treats an answer outside the contract as the service being unavailable', async () => {
    for (const response of [
      answer(500, 'Internal Server Error'),
      answer(201, {}),
      answer(502, { error: {} }),
    ]) {
      expect(await readUploadAnswer(response)).toEqual({
        ok: false,
        status: 503,
        refusal: { field: 'file', message: UNAVAILABLE },
      });
    }
  });
});
