import { Schema } from 'effect';

/**
 * Someone else saved the record after the editor loaded it (optimistic locking on `version`).
 * `current` may carry the stored version so the editor can see what changed.
 */
export class StaleVersion extends Schema.TaggedError<StaleVersion>()('StaleVersion', {
  recordType: Schema.optionalKey(Schema.String),
  recordId: Schema.optionalKey(Schema.String),
  expectedVersion: Schema.optionalKey(Schema.Number),
  currentVersion: Schema.optionalKey(Schema.Number),
  current: Schema.optionalKey(Schema.Unknown),
}) {
  override get message(): string {
    return 'Noen andre har endret dette mens du redigerte. Se endringene deres under, og lagre på nytt.';
  }
}

/** The record does not exist, or is not visible to the actor. */
export class NotFound extends Schema.TaggedError<NotFound>()('NotFound', {
  recordType: Schema.optionalKey(Schema.String),
  recordId: Schema.optionalKey(Schema.String),
}) {
  override get message(): string {
    return 'Fant ikke det du lette etter.';
  }
}
