import type { Me } from '@klimakommuner/domain';

declare global {
  namespace App {
    interface Locals {
      /** The session token from the cookie, forwarded to the API as a bearer token. */
      token: string | null;
      /** The signed-in editor, loaded once per request; null for anonymous requests. */
      me: Me | null;
    }
    interface Error {
      message: string;
    }
  }
}
