// The accounts the browser tests sign in with; start-api.ts creates them before the API starts.
export const accounts = {
  admin: {
    email: 'admin@test.klimakommuner.no',
    name: 'Ada Administrator',
    role: 'admin',
    organisation: null,
    password: 'e2e-admin-passord-lang',
  },
  kkoEditor: {
    email: 'redaktor@test.kko.no',
    name: 'Rita Redaktør',
    role: 'editor',
    organisation: 'kommunenettverk-for-klimaomstilling',
    password: 'e2e-redaktor-passord-lang',
  },
  kenEditor: {
    email: 'redaktor@test.ken.no',
    name: 'Kari KEN',
    role: 'editor',
    organisation: 'ken',
    password: 'e2e-ken-passord-lang-nok',
  },
} as const;

export type Account = (typeof accounts)[keyof typeof accounts];
