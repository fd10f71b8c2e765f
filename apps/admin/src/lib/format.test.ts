import type { WorkItem } from '@klimakommuner/domain';
import { describe, expect, it } from 'vitest';
import { formatTimestamp, workItemHref } from './format.ts';

describe('admin formatting', () => {
  it('writes a time in Norwegian, in Norwegian time', () => {
    expect(formatTimestamp('2026-03-03T13:05:00Z')).toBe('3. mars 2026 kl. 14:05');
    expect(formatTimestamp(null)).toBe('–');
    expect(formatTimestamp('ukjent')).toBe('ukjent');
  });

  it('links a dashboard item to where it is edited', () => {
    const item = (recordType: string, recordId: string) =>
      ({ recordType, recordId, organisation: { slug: 'ken', name: 'KEN' } }) as unknown as WorkItem;
    expect(workItemHref(item('organisation', 'x'))).toBe('/organisasjoner/ken/profil');
    expect(workItemHref(item('project', 'gronn-mobilitet'))).toBe('/prosjekter/gronn-mobilitet');
    expect(workItemHref(item('theme', 'mat'))).toBe('/historikk/theme/mat');
  });
});
