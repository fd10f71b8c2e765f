import { Result } from 'effect';
import { codePointLength } from '../content/text.ts';
import { PasswordTooCommon, PasswordTooLong, PasswordTooShort } from './errors.ts';

/** Counted in Unicode code points. */
export const PASSWORD_MIN_LENGTH = 12;
/** Counted in Unicode code points; a longer password is refused, never truncated. */
export const PASSWORD_MAX_LENGTH = 256;

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
): Result.Result<string, PasswordTooShort | PasswordTooLong | PasswordTooCommon> => {
  const length = codePointLength(password, PASSWORD_MAX_LENGTH);
  if (length < PASSWORD_MIN_LENGTH) {
    return Result.fail(new PasswordTooShort({ minLength: PASSWORD_MIN_LENGTH }));
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return Result.fail(new PasswordTooLong({ maxLength: PASSWORD_MAX_LENGTH }));
  }
  if (isCommon(normalisePasswordForList(password))) {
    return Result.fail(new PasswordTooCommon());
  }
  return Result.succeed(password);
};
