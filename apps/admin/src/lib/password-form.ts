import { checkPasswordPolicy } from '@klimakommuner/domain';
import { Result } from 'effect';

/**
 * What is wrong with a new password by the domain's length rules, for a quick answer next to the
 * field; null when it may be sent. The API checks again, also against common passwords.
 */
export function passwordProblem(password: string): string | null {
  const result = checkPasswordPolicy(password, () => false);
  return Result.isFailure(result) ? result.failure.message : null;
}
