import { Schema } from 'effect';
import { Action } from './actor.ts';

// Only error classes live here: the union of every aggregate's errors is DomainError (../errors.ts).

/** The action needs a signed-in user or a token, and the request has neither. */
export class NotSignedIn extends Schema.TaggedError<NotSignedIn>()('NotSignedIn', {
  action: Schema.optionalKey(Action),
}) {
  override get message(): string {
    return 'Du må logge inn for å gjøre dette.';
  }
}

/** The actor is known but may not do the action on the resource. */
export class Forbidden extends Schema.TaggedError<Forbidden>()('Forbidden', {
  action: Schema.optionalKey(Action),
}) {
  override get message(): string {
    return 'Du har ikke tilgang til å gjøre dette.';
  }
}

/** Unknown email or wrong password; deliberately does not say which. */
export class InvalidCredentials extends Schema.TaggedError<InvalidCredentials>()(
  'InvalidCredentials',
  {},
) {
  override get message(): string {
    return 'Feil e-post eller passord.';
  }
}

const waitNb = (seconds: number): string => {
  if (seconds <= 60) return 'om et minutt';
  const minutes = Math.ceil(seconds / 60);
  return `om ${minutes} minutter`;
};

/** Too many failed sign-ins for the account or the client address; try again later. */
export class TooManyAttempts extends Schema.TaggedError<TooManyAttempts>()('TooManyAttempts', {
  retryAfterSeconds: Schema.Number,
}) {
  override get message(): string {
    return `For mange mislykkede innloggingsforsøk. Prøv igjen ${waitNb(this.retryAfterSeconds)}.`;
  }
}

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

/** Another user already has the (normalised) email. */
export class EmailTaken extends Schema.TaggedError<EmailTaken>()('EmailTaken', {}) {
  override get message(): string {
    return 'Det finnes allerede en bruker med den e-posten.';
  }
}
