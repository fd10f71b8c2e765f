import { Result } from 'effect';
import { LogoAltTextMissing, LogoNotAnImage } from './errors.ts';

/**
 * A publisher's logo: an image from the file library with a text saying what it shows (the
 * front page and the organisation's page show it). Set by administrators only (`logo.manage`).
 */
export interface OrganisationLogo {
  /** The API's path of the file ('/files/<id>'), served on each app's origin as /filer/<id>. */
  readonly url: string;
  readonly file: string;
  readonly altText: string;
  readonly width: number | null;
  readonly height: number | null;
}

/** The longest alt text a logo takes. */
export const MAX_LOGO_ALT = 200;

/** A logo is an image with an alt text (trimmed, not empty). */
export const checkLogo = (logo: {
  readonly altText: string;
  readonly image: boolean;
}): Result.Result<void, LogoAltTextMissing | LogoNotAnImage> => {
  if (!logo.image) return Result.fail(new LogoNotAnImage());
  if (logo.altText.trim() === '') return Result.fail(new LogoAltTextMissing());
  return Result.succeed(undefined);
};
