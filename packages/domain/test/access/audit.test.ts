import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTIONS,
  auditActionLabel,
  auditChanges,
  auditRecordTypeLabel,
} from '../../src/index.ts';

describe('audit actions in Norwegian', () => {
  it('names every action, each differently, without a code left in the words', () => {
    const labels = AUDIT_ACTIONS.map(auditActionLabel);
    expect(new Set(labels).size).toBe(AUDIT_ACTIONS.length);
    for (const [index, action] of AUDIT_ACTIONS.entries()) {
      expect(labels[index]).not.toBe(action);
      expect(labels[index]).not.toMatch(/[a-z]\.[a-z]/);
    }
    expect(auditActionLabel('project.publish')).toBe('Publiserte prosjektet');
    expect(auditActionLabel('participation.withdraw')).toBe('Trakk kommunen ut av prosjektet');
    // A row from an older version keeps what it recorded.
    expect(auditActionLabel('something.old')).toBe('something.old');
    expect(auditRecordTypeLabel('membership')).toBe('Medlemskap');
  });
});

describe('auditChanges', () => {
  it('lists only the fields that changed, named and written out for people', () => {
    const before = {
      slug: 'gronn-mobilitet',
      title: 'Grønn mobilitet',
      status: 'ongoing',
      workflowStatus: 'draft',
      startDate: null,
      themes: ['mobilitet'],
      links: [],
      version: 3,
    };
    const after = {
      ...before,
      status: 'completed',
      workflowStatus: 'published',
      startDate: '2025-03-01',
      links: [{ label: 'Rapport', url: 'https://example.no' }],
      version: 4,
    };
    expect(auditChanges('project', before, after)).toEqual([
      { field: 'status', label: 'Prosjektstatus', before: 'Pågår', after: 'Fullført' },
      {
        field: 'workflowStatus',
        label: 'Publiseringsstatus',
        before: 'Utkast',
        after: 'Publisert',
      },
      { field: 'startDate', label: 'Startdato', before: '–', after: '1. mars 2025' },
      { field: 'links', label: 'Lenker', before: '–', after: 'Rapport (https://example.no)' },
    ]);
  });

  it('names each kind of status apart and lists what a creation set', () => {
    expect(
      auditChanges('participation', null, {
        id: 'x',
        project: 'p',
        status: 'participating',
        since: '2026-02-01',
        note: '',
        history: [{ status: 'participating', since: '2026-02-01' }],
      }),
    ).toEqual([
      { field: 'project', label: 'Prosjekt', before: '–', after: 'p' },
      { field: 'status', label: 'Deltakelsesstatus', before: '–', after: 'Deltar' },
      { field: 'since', label: 'Fra dato', before: '–', after: '1. februar 2026' },
    ]);
    expect(
      auditChanges('organisation', { status: 'draft' }, { status: 'published' })[0]?.label,
    ).toBe('Publiseringsstatus');
    expect(
      auditChanges(
        'user',
        { active: true, roles: [{ role: 'editor', organisation: 'ken' }] },
        {
          active: false,
          roles: [{ role: 'admin' }],
        },
      ),
    ).toEqual([
      { field: 'active', label: 'Kan logge inn', before: 'Ja', after: 'Nei' },
      { field: 'roles', label: 'Roller', before: 'Redaktør i ken', after: 'Administrator' },
    ]);
  });

  it('shows a membership start as what is known, never the rules’ day', () => {
    expect(
      auditChanges('membership', null, {
        member: { kind: 'region', slug: 'hallingdal' },
        from: '2016-01-01',
        fromPrecision: 'year',
        to: null,
      }),
    ).toEqual([
      { field: 'member', label: 'Medlem', before: '–', after: 'region hallingdal' },
      { field: 'from', label: 'Medlem fra', before: '–', after: '2016' },
    ]);
  });

  it('names leaders and contacts by the names the snapshot keeps beside their ids', () => {
    expect(
      auditChanges(
        'project',
        { leaders: ['a'], leaderNames: ['Ada'] },
        { leaders: ['a', 'b'], leaderNames: ['Ada', 'Bo'] },
      ),
    ).toEqual([{ field: 'leaders', label: 'Prosjektledere', before: 'Ada', after: 'Ada, Bo' }]);
    expect(
      auditChanges('participation', { contact: null }, { contact: 'x', contactName: 'Sandra' }),
    ).toEqual([{ field: 'contact', label: 'Kontaktperson', before: '–', after: 'Sandra' }]);
  });

  it('shortens long texts and says nothing when nothing changed', () => {
    const [body] = auditChanges('project', { body: 'a' }, { body: 'b'.repeat(400) });
    expect(body?.after).toHaveLength(281);
    expect(auditChanges('project', { title: 'Samme' }, { title: 'Samme' })).toEqual([]);
    expect(auditChanges('session', null, null)).toEqual([]);
  });
});
