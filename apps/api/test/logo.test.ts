import { pngImage } from '@klimakommuner/files/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, apiErrorCode, apiErrorIssues } from '../src/client.ts';
import { B } from './global-setup.ts';
import { clientWith, freshAddress, rejection, signIn, useServer } from './harness.ts';

// The publishers' logos: administrators set them (logo.manage), everyone sees them.

const t = useServer();
let admin: ApiClient;
let adminToken: string;
let editorB: ApiClient;

beforeAll(async () => {
  adminToken = await signIn(t.url, 'admin');
  admin = clientWith(t.url, adminToken);
  editorB = clientWith(t.url, await signIn(t.url, 'editorB'));
});

const uploadPng = async (): Promise<string> => {
  const form = new FormData();
  const bytes = await pngImage({ width: 240, height: 80 });
  form.set('alt', 'Logo: KEN');
  form.set('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'logo.png');
  const response = await fetch(`${t.url}/files?organisation=${B}`, {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${adminToken}`, 'X-Forwarded-For': freshAddress() },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { file: { id: string } }).file.id;
};

describe('organisations.setLogo', () => {
  it('is for administrators only: an editor of the organisation is refused', async () => {
    const error = await rejection(() =>
      editorB.organisations.setLogo.mutate({ organisation: B, file: null, altText: '' }),
    );
    expect(apiErrorCode(error)).toBe('FORBIDDEN');
  });

  it('refuses a missing alt text on its field, and a malformed file id', async () => {
    const file = await uploadPng();
    const missing = await rejection(() =>
      admin.organisations.setLogo.mutate({ organisation: B, file, altText: ' ' }),
    );
    expect(apiErrorCode(missing)).toBe('BAD_REQUEST');
    expect(JSON.stringify(apiErrorIssues(missing))).toContain('altText');
    const malformed = await rejection(() =>
      admin.organisations.setLogo.mutate({ organisation: B, file: 'x', altText: 'Logo' }),
    );
    expect(apiErrorCode(malformed)).toBe('BAD_REQUEST');
  });

  it('sets a logo that the public list shows and anyone may fetch', async () => {
    const file = await uploadPng();
    await admin.organisations.setLogo.mutate({ organisation: B, file, altText: 'Logo: KEN' });
    const anonymous = clientWith(t.url, null, freshAddress());
    const ken = (await anonymous.organisations.list.query()).items.find((o) => o.slug === B);
    expect(ken?.logo).toMatchObject({ file, altText: 'Logo: KEN', width: 240, height: 80 });
    const served = await fetch(`${t.url}/files/${file}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
  });
});
