import type { ApiAnswers } from '#lib/server/page-cache.ts';

declare global {
  namespace App {
    interface Locals {
      /** The API answers this request's render used (hooks.server.ts). */
      apiAnswers?: ApiAnswers;
    }
  }
}
