// Where the browser tests find the apps; playwright.config.ts starts them on these ports.
export const ports = { api: 4410, portal: 3410, admin: 3510 } as const;

export const urls = {
  api: `http://127.0.0.1:${ports.api}`,
  portal: `http://127.0.0.1:${ports.portal}`,
  admin: `http://127.0.0.1:${ports.admin}`,
} as const;
