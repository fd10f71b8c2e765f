import { Schema } from 'effect';
import { Action } from './actor.ts';

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
