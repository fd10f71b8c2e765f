import { codePointLength } from './text.ts';

/** The longest address SMTP can carry (RFC 5321 path limit minus the angle brackets). */
export const EMAIL_MAX_LENGTH = 254;

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
