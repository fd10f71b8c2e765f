export * from './access-errors.ts';
export * from './actor.ts';
export * from './county.ts';
export * from './dates.ts';
export * from './editor-views.ts';
export * from './members.ts';
export * from './membership.ts';
export * from './membership-errors.ts';
export * from './municipality.ts';
export * from './municipality-errors.ts';
export * from './organisation.ts';
// views.ts declares the same OrganisationKind union as a plain type; the explicit export
// resolves the star-export ambiguity in favour of the schema, whose Type is that union.
export { OrganisationKind } from './organisation.ts';
export * from './password.ts';
export * from './password-errors.ts';
export * from './policy.ts';
export * from './record-errors.ts';
export * from './region.ts';
export * from './slug.ts';
export * from './status.ts';
export * from './views.ts';
export * from './workflow.ts';
export * from './workflow-errors.ts';
