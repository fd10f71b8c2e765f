import { audit, auth, tokens, users } from './access/router.ts';
import { articles } from './article/router.ts';
import { dashboard, related } from './content/router.ts';
import { events } from './event/router.ts';
import { counties, municipalities } from './municipality/router.ts';
import { memberships, organisations, regions } from './network/router.ts';
import { participations, people } from './project/participations.ts';
import { projects, themes } from './project/router.ts';
import { resources } from './resource/router.ts';
import { search } from './search/router.ts';
import { router } from './trpc.ts';

// One router file per aggregate (docs/architecture.md); each procedure decodes its input, calls
// one repository or domain function and maps the errors.
export const appRouter = router({
  organisations,
  municipalities,
  counties,
  regions,
  auth,
  users,
  tokens,
  memberships,
  audit,
  dashboard,
  related,
  themes,
  projects,
  participations,
  people,
  resources,
  search,
  events,
  articles,
});

export type AppRouter = typeof appRouter;
