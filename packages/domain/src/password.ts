import { Effect } from 'effect';
import { PasswordTooCommon, PasswordTooLong, PasswordTooShort } from './password-errors.ts';

/** Counted in Unicode code points. */
export const PASSWORD_MIN_LENGTH = 12;
/** Counted in Unicode code points; a longer password is refused, never truncated. */
export const PASSWORD_MAX_LENGTH = 256;
/** The longest address SMTP can carry (RFC 5321 path limit minus the angle brackets). */
export const EMAIL_MAX_LENGTH = 254;

/**
 * The number of Unicode code points in `text`, counting no further than `limit + 1` so an
 * enormous input costs no more than a slightly too long one.
 */
export const codePointLength = (text: string, limit = Number.POSITIVE_INFINITY): number => {
  let count = 0;
  for (const _ of text) {
    count++;
    if (count > limit) break;
  }
  return count;
};

/** The form the common-password list is checked against: NFKC, lower case. */
export const normalisePasswordForList = (password: string): string =>
  password.normalize('NFKC').toLowerCase();

/**
 * Succeeds with the password unchanged when it is 12–256 code points long and `isCommon` does
 * not recognise it. There are no composition rules. `isCommon` receives the NFKC-normalised,
 * lower-cased password, so the list itself lives outside the domain; it is not consulted for a
 * password that is already too short or too long.
 */
export const checkPasswordPolicy = (
  password: string,
  isCommon: (normalised: string) => boolean,
): Effect.Effect<string, PasswordTooShort | PasswordTooLong | PasswordTooCommon> => {
  const length = codePointLength(password, PASSWORD_MAX_LENGTH);
  if (length < PASSWORD_MIN_LENGTH) {
    return Effect.fail(new PasswordTooShort({ minLength: PASSWORD_MIN_LENGTH }));
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return Effect.fail(new PasswordTooLong({ maxLength: PASSWORD_MAX_LENGTH }));
  }
  if (isCommon(normalisePasswordForList(password))) {
    return Effect.fail(new PasswordTooCommon());
  }
  return Effect.succeed(password);
};

/** NFKC, trimmed, lower case: the form emails are stored, compared and throttled by. */
export const normaliseEmail = (email: string): string =>
  email.normalize('NFKC').trim().toLowerCase();

/**
 * A deliberately plain check: at most 254 characters, no whitespace, exactly one '@', a
 * non-empty local part, and a domain with a dot that neither starts nor ends with one.
 * Whether the address receives mail is not the domain's business.
 */
export const isValidEmail = (email: string): boolean => {
  if (codePointLength(email, EMAIL_MAX_LENGTH) > EMAIL_MAX_LENGTH) return false;
  if (/\s/u.test(email)) return false;
  const parts = email.split('@');
  if (parts.length !== 2) return false;
  const [local = '', domain = ''] = parts;
  return (
    local.length > 0 && domain.includes('.') && !domain.startsWith('.') && !domain.endsWith('.')
  );
};
