import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('client.ts', () => {
  it('loads no server code at runtime (the SvelteKit apps bundle it)', () => {
    const source = readFileSync(new URL('../src/client.ts', import.meta.url), 'utf8');
    const runtimeImports = [
      ...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms),
    ].map((match) => match[1]);
    expect(runtimeImports).toEqual(['@trpc/client']);
  });
});
