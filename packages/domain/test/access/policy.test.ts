import { Result } from 'effect';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type Action,
  type Actor,
  authorize,
  can,
  dashboardOrganisations,
  editableOrganisations,
  Forbidden,
  isAdmin,
  NotSignedIn,
  type OrganisationRef,
  organisationsOf,
  type Resource,
  readableHistory,
} from '../../src/index.ts';
import { failureOf } from '../run.ts';

const A = 'klimanettverk-a';
const B = 'klimanettverk-b';

const actors: Readonly<Record<string, Actor>> = {
  anonymous: { kind: 'anonymous' },
  'contributor of A': {
    kind: 'user',
    userId: 'u1',
    roles: [{ role: 'contributor', organisation: A }],
  },
  'editor of A': { kind: 'user', userId: 'u2', roles: [{ role: 'editor', organisation: A }] },
  'editor of B': { kind: 'user', userId: 'u3', roles: [{ role: 'editor', organisation: B }] },
  admin: { kind: 'user', userId: 'u4', roles: [{ role: 'admin' }] },
  'read token of A': { kind: 'token', tokenId: 't1', organisation: A, scope: 'read' },
  'write token of A': { kind: 'token', tokenId: 't2', organisation: A, scope: 'write' },
};

const resources: Readonly<Record<string, Resource>> = {
  A: { organisation: A },
  B: { organisation: B },
  system: { system: true },
};

// Columns, in this order (spaces only group them for the eye):
//   content: read-drafts create edit-draft edit-published submit publish unpublish archive
//   organisation.update-profile membership.manage history.read
//   participation.manage person.manage
//   user.manage token.manage audit.read-all theme.manage logo.manage
const COLUMNS = (
  'content.read-drafts content.create content.edit-draft content.edit-published ' +
  'content.submit content.publish content.unpublish content.archive ' +
  'organisation.update-profile membership.manage history.read ' +
  'participation.manage person.manage ' +
  'user.manage token.manage audit.read-all theme.manage logo.manage'
).split(' ') as readonly Action[];

const NONE = '........ ... .. .....';
const EDITOR = 'XXXXXXXX XXX XX .....';
const ALL = 'XXXXXXXX XXX XX XXXXX';
const EXPECTED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  anonymous: { A: NONE, B: NONE, system: NONE },
  'contributor of A': { A: 'XXX.X... ..X .. .....', B: NONE, system: NONE },
  'editor of A': { A: EDITOR, B: NONE, system: NONE },
  'editor of B': { A: NONE, B: EDITOR, system: NONE },
  admin: { A: ALL, B: ALL, system: ALL },
  'read token of A': { A: 'X....... ..X .. .....', B: NONE, system: NONE },
  'write token of A': { A: EDITOR, B: NONE, system: NONE },
};

describe('can: the full matrix', () => {
  it('lists every action exactly once in the table', () => {
    expect([...COLUMNS].sort()).toEqual([...ACTIONS].sort());
  });

  for (const [actorName, actor] of Object.entries(actors)) {
    for (const [resourceName, resource] of Object.entries(resources)) {
      it(`${actorName} on a resource of ${resourceName}`, () => {
        const row = EXPECTED[actorName]?.[resourceName]?.replaceAll(' ', '');
        expect(row).toHaveLength(COLUMNS.length);
        const expected = Object.fromEntries(COLUMNS.map((a, i) => [a, row?.[i] === 'X']));
        const actual = Object.fromEntries(COLUMNS.map((a) => [a, can(actor, a, resource)]));
        expect(actual).toEqual(expected);
      });
    }
  }
});

const slug = fc.constantFrom(A, B, 'klimanettverk-c');
const nonAdminRole = fc.record({
  role: fc.constantFrom('editor', 'contributor'),
  organisation: slug,
});
const action = fc.constantFrom(...ACTIONS);
const resource = fc.oneof(
  slug.map((organisation): Resource => ({ organisation })),
  fc.constant<Resource>({ system: true }),
);
const nonAdmin = fc
  .array(nonAdminRole, { maxLength: 4 })
  .map((roles): Actor => ({ kind: 'user', userId: 'u', roles }));
const admin = fc
  .array(nonAdminRole, { maxLength: 3 })
  .map((roles): Actor => ({ kind: 'user', userId: 'u', roles: [...roles, { role: 'admin' }] }));
const token = fc.record({
  kind: fc.constant('token' as const),
  tokenId: fc.constant('t'),
  organisation: slug,
  scope: fc.constantFrom('read' as const, 'write' as const),
});
const anyActor = fc.oneof(fc.constant<Actor>({ kind: 'anonymous' }), nonAdmin, admin, token);

describe('can: properties', () => {
  it('never allows anything to anonymous', () => {
    fc.assert(fc.property(action, resource, (a, r) => !can({ kind: 'anonymous' }, a, r)));
  });

  it('never lets an editor or contributor act on another organisation or the system', () => {
    fc.assert(
      fc.property(nonAdmin, action, resource, (actor, a, r) => {
        if (actor.kind !== 'user' || !can(actor, a, r)) return true;
        return (
          'organisation' in r &&
          actor.roles.some((role) => 'organisation' in role && role.organisation === r.organisation)
        );
      }),
    );
  });

  it('never lets a token act outside its organisation or manage users, tokens, themes or the audit log', () => {
    fc.assert(
      fc.property(token, action, resource, (actor, a, r) => {
        if (!can(actor, a, r)) return true;
        return (
          'organisation' in r &&
          r.organisation === actor.organisation &&
          ![
            'user.manage',
            'token.manage',
            'audit.read-all',
            'theme.manage',
            'logo.manage',
          ].includes(a)
        );
      }),
    );
  });

  it('lets an admin do everything, whatever other roles they hold', () => {
    fc.assert(fc.property(admin, action, resource, (actor, a, r) => can(actor, a, r)));
  });

  it('authorize agrees with can and fails with NotSignedIn only for anonymous', () => {
    fc.assert(
      fc.property(anyActor, action, resource, (actor, a, r) => {
        const result = authorize(actor, a, r);
        if (can(actor, a, r)) return Result.isSuccess(result);
        if (Result.isSuccess(result)) return false;
        return actor.kind === 'anonymous'
          ? result.failure instanceof NotSignedIn
          : result.failure instanceof Forbidden;
      }),
    );
  });
});

describe('authorize', () => {
  it('refuses in Norwegian', () => {
    const forbidden = failureOf(
      authorize(actors['editor of B'] as Actor, 'content.publish', { organisation: A }),
    );
    expect(forbidden._tag).toBe('Forbidden');
    expect(forbidden.message).toBe('Du har ikke tilgang til å gjøre dette.');
    const anonymous = failureOf(
      authorize({ kind: 'anonymous' }, 'content.create', { organisation: A }),
    );
    expect(anonymous._tag).toBe('NotSignedIn');
  });
});

describe('organisationsOf and editableOrganisations', () => {
  const ref = (s: string): OrganisationRef => ({
    slug: s,
    name: s,
    shortName: null,
    kind: 'network',
  });
  const all = [ref(A), ref(B), ref('klimanettverk-c')];
  const both: Actor = {
    kind: 'user',
    userId: 'u',
    roles: [
      { role: 'editor', organisation: B },
      { role: 'contributor', organisation: A },
      { role: 'contributor', organisation: B },
    ],
  };

  it('names each organisation once, sorted', () => {
    expect(organisationsOf(both)).toEqual([A, B]);
    expect(organisationsOf({ kind: 'anonymous' })).toEqual([]);
    expect(organisationsOf(actors['write token of A'] as Actor)).toEqual([A]);
    expect(organisationsOf(actors['read token of A'] as Actor)).toEqual([]);
    expect(organisationsOf(actors.admin as Actor)).toEqual([]);
  });

  it('gives an admin every organisation and others only their own', () => {
    expect(isAdmin(actors.admin as Actor)).toBe(true);
    expect(isAdmin(both)).toBe(false);
    expect(editableOrganisations(actors.admin as Actor, all)).toEqual(all);
    expect(editableOrganisations(both, all)).toEqual([ref(A), ref(B)]);
    expect(editableOrganisations({ kind: 'anonymous' }, all)).toEqual([]);
  });

  it('only names organisations where the actor may at least edit a draft', () => {
    fc.assert(
      fc.property(fc.oneof(nonAdmin, token), (actor) =>
        organisationsOf(actor).every((o) => can(actor, 'content.edit-draft', { organisation: o })),
      ),
    );
  });
});

describe('readableHistory and dashboardOrganisations', () => {
  const rows = [{ organisation: A }, { organisation: B }, { organisation: null }];

  it('shows each reader the rows filed under organisations they may read, an admin all', () => {
    expect(readableHistory(actors['editor of A'] as Actor, rows)).toEqual([{ organisation: A }]);
    expect(readableHistory(actors['read token of A'] as Actor, rows)).toEqual([
      { organisation: A },
    ]);
    expect(readableHistory(actors.admin as Actor, rows)).toEqual(rows);
    expect(readableHistory({ kind: 'anonymous' }, rows)).toEqual([]);
  });

  it('waits on an admin with every organisation, on others with their own', () => {
    expect(dashboardOrganisations(actors.admin as Actor)).toBe('all');
    expect(dashboardOrganisations(actors['contributor of A'] as Actor)).toEqual([A]);
  });
});
