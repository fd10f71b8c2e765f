// Where the browser tests find the apps; playwright.config.ts starts them on these ports.
// E2E_PORT_OFFSET moves all three (use steps of 10), so that two checkouts can run their browser
// tests at once.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const ports = { api: 4410 + offset, portal: 4411 + offset, admin: 4412 + offset } as const;

export const urls = {
  api: `http://127.0.0.1:${ports.api}`,
  portal: `http://127.0.0.1:${ports.portal}`,
  admin: `http://127.0.0.1:${ports.admin}`,
} as const;
