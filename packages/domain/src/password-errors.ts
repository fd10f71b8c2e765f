import { Schema } from 'effect';

/** The password has fewer than PASSWORD_MIN_LENGTH code points. */
export class PasswordTooShort extends Schema.TaggedError<PasswordTooShort>()('PasswordTooShort', {
  minLength: Schema.Number,
}) {
  override get message(): string {
    return `Passordet må ha minst ${this.minLength} tegn.`;
  }
}

/** The password has more than PASSWORD_MAX_LENGTH code points; it is refused, never truncated. */
export class PasswordTooLong extends Schema.TaggedError<PasswordTooLong>()('PasswordTooLong', {
  maxLength: Schema.Number,
}) {
  override get message(): string {
    return `Passordet kan ha høyst ${this.maxLength} tegn.`;
  }
}

/** The password is on the list of common passwords. */
export class PasswordTooCommon extends Schema.TaggedError<PasswordTooCommon>()(
  'PasswordTooCommon',
  {},
) {
  override get message(): string {
    return 'Passordet er for vanlig. Velg et som er vanskeligere å gjette.';
  }
}
