import { describe, expect, it } from 'vitest';
import { apiFilePath, passFile } from '../src/files.ts';

const ID = '0b5c1a52-8d7e-4c3f-9a1b-2c3d4e5f6a7b';

describe('apiFilePath', () => {
  it('names the API’s path of a stored file and of an image width', () => {
    expect(apiFilePath(ID)).toBe(`/files/${ID}`);
    expect(apiFilePath(ID, 'w640')).toBe(`/files/${ID}/w640`);
  });

  it('refuses what cannot name a stored file, so no other API path is reachable', () => {
    expect(apiFilePath('..%2Ftrpc')).toBeNull();
    expect(apiFilePath('../trpc/auth.me')).toBeNull();
    expect(apiFilePath(ID, 'original/../../x')).toBeNull();
    expect(apiFilePath(ID, 'w')).toBeNull();
  });
});

describe('passFile', () => {
  const request = (headers: Record<string, string> = {}) =>
    new Request('http://portal.test/filer/x', { headers });

  it('streams the API’s answer through with the headers that make it safe, and nothing else', async () => {
    const seen: { url: string; headers: Headers }[] = [];
    const fetcher = (async (url: URL, init: RequestInit) => {
      seen.push({ url: String(url), headers: new Headers(init.headers) });
      return new Response('%PDF-1.7', {
        headers: {
          'content-type': 'application/pdf',
          'content-disposition': 'attachment; filename="veileder.pdf"',
          'x-content-type-options': 'nosniff',
          'content-security-policy': "default-src 'none'; sandbox",
          'set-cookie': 'a=b',
        },
      });
    }) as typeof fetch;
    const answer = await passFile(
      fetcher,
      'http://api.test',
      request({ 'if-none-match': '"e1"' }),
      {
        id: ID,
      },
      'Bearer kks_x',
    );
    expect(seen[0]?.url).toBe(`http://api.test/files/${ID}`);
    expect(seen[0]?.headers.get('if-none-match')).toBe('"e1"');
    expect(seen[0]?.headers.get('authorization')).toBe('Bearer kks_x');
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('%PDF-1.7');
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="veileder.pdf"');
    expect(answer.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(answer.headers.get('set-cookie')).toBeNull();
  });

  it('answers 404 for a file the API does not show, and never asks it for a bad id', async () => {
    let calls = 0;
    const fetcher = (async () => {
      calls += 1;
      return new Response('nei', { status: 404 });
    }) as typeof fetch;
    expect((await passFile(fetcher, 'http://api.test', request(), { id: ID })).status).toBe(404);
    expect((await passFile(fetcher, 'http://api.test', request(), { id: 'x' })).status).toBe(404);
    expect(calls).toBe(1);
  });
});
