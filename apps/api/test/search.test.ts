import { describe, expect, it } from 'vitest';
import { apiErrorCode, apiErrorIssues } from '../src/client.ts';
import { clientWith, freshAddress, rejection, useServer } from './harness.ts';

// `/sok` through tRPC: one ranked list over every kind, the kinds as a facet, bad input refused.

const t = useServer();
const anonymous = () => clientWith(t.url, null, freshAddress());

describe('search.site', () => {
  it('finds a municipality, a network and a project in one ranked list', async () => {
    const asker = await anonymous().search.site.query({ q: 'Asker' });
    expect(asker.items[0]).toMatchObject({ type: 'municipality', slug: 'asker' });
    const network = await anonymous().search.site.query({
      q: 'klimaomstilling',
      type: 'organisation',
    });
    expect(network.items.map((i) => i.slug)).toContain('kommunenettverk-for-klimaomstilling');
    expect(network.types.map((t) => t.value)).toContain('organisation');
    const mobility = await anonymous().search.site.query({ q: 'mobilitet' });
    expect(mobility.items.map((i) => `${i.type}:${i.slug}`)).toContain('project:gronn-mobilitet');
  });

  it('refuses an unknown kind, an overlong query and a forged cursor with BAD_REQUEST', async () => {
    for (const call of [
      () => anonymous().search.site.query({ q: 'klima', type: 'person' as 'project' }),
      () => anonymous().search.site.query({ q: 'k'.repeat(201) }),
      () => anonymous().search.site.query({ q: 'klima', cursor: 'bzo5OTk5OTk5' }),
      () => anonymous().search.site.query({ q: 'klima\u0000' }),
    ]) {
      const error = await rejection(call);
      expect(apiErrorCode(error)).toBe('BAD_REQUEST');
    }
    const issues = apiErrorIssues(
      await rejection(() => anonymous().search.site.query({ q: 'klima', type: 'x' as 'project' })),
    );
    expect(JSON.stringify(issues)).toContain('Må være en av');
  });
});
