import { describe, expect, it } from 'vitest';
import { isSameOriginRequest, needsOriginCheck } from './origin.ts';

const self = new URL('https://127.0.0.1:3100/logg-inn');
const post = (headers: Record<string, string>) =>
  new Request('http://127.0.0.1:3100/logg-inn', { method: 'POST', headers });

describe('refusing cross-site form posts', () => {
  it('believes the browser’s Sec-Fetch-Site first', () => {
    expect(isSameOriginRequest(post({ 'sec-fetch-site': 'same-origin' }), self)).toBe(true);
    expect(
      isSameOriginRequest(
        post({ 'sec-fetch-site': 'cross-site', origin: 'http://127.0.0.1:3100' }),
        self,
      ),
    ).toBe(false);
  });

  it('otherwise wants an Origin naming this host, over http or https', () => {
    expect(isSameOriginRequest(post({ origin: 'http://127.0.0.1:3100' }), self)).toBe(true);
    expect(isSameOriginRequest(post({ origin: 'https://angriper.example' }), self)).toBe(false);
    expect(isSameOriginRequest(post({ origin: 'null' }), self)).toBe(false);
    expect(isSameOriginRequest(post({}), self)).toBe(false);
  });

  it('checks only requests that change something', () => {
    expect(needsOriginCheck(new Request('http://a/', { method: 'GET' }))).toBe(false);
    expect(needsOriginCheck(post({}))).toBe(true);
  });
});
