import type { Effect } from 'effect';
import { describe, expectTypeOf, it } from 'vitest';
import * as domain from '../src/index.ts';
import type {
  InvalidMunicipalityNumber,
  IsoDate,
  Member,
  MemberRef,
  Membership,
  MembershipEndsBeforeStart,
  MembershipOverlap,
  MunicipalityCountyMismatch,
  RegionRecord,
} from '../src/index.ts';

// The signatures other packages code against (docs/contracts.md); tsc fails if one drifts.
describe('contract with the other packages', () => {
  it('exports the documented functions with the documented types', () => {
    expectTypeOf(domain.slugify).toEqualTypeOf<(name: string) => string>();
    expectTypeOf(domain.uniqueSlug).toEqualTypeOf<
      (name: string, taken: ReadonlySet<string>) => string
    >();
    expectTypeOf(domain.isActiveOn).parameters.toEqualTypeOf<
      [{ readonly from: IsoDate; readonly to: IsoDate | null }, IsoDate]
    >();
    expectTypeOf(domain.membersOn).toEqualTypeOf<
      (
        organisation: string,
        date: IsoDate,
        memberships: readonly Membership[],
        regions: readonly RegionRecord[],
      ) => readonly Member[]
    >();
    expectTypeOf(domain.checkMembership).returns.toEqualTypeOf<
      Effect.Effect<Membership, MembershipOverlap | MembershipEndsBeforeStart>
    >();
    expectTypeOf(domain.checkMunicipalityNumber).returns.toEqualTypeOf<
      Effect.Effect<string, InvalidMunicipalityNumber | MunicipalityCountyMismatch>
    >();
  });

  it('describes memberships and members with the documented fields', () => {
    expectTypeOf<MemberRef>().toEqualTypeOf<
      | { readonly kind: 'municipality'; readonly number: string }
      | { readonly kind: 'region'; readonly slug: string }
    >();
    expectTypeOf<Membership>().toEqualTypeOf<{
      readonly id: string;
      readonly organisation: string;
      readonly member: MemberRef;
      readonly from: IsoDate;
      readonly to: IsoDate | null;
    }>();
    expectTypeOf<Member>().toEqualTypeOf<{
      readonly municipality: string;
      readonly via: string | null;
      readonly from: IsoDate;
      readonly to: IsoDate | null;
    }>();
  });
});
