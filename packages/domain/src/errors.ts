import type * as access from './access/errors.ts';
import type * as article from './article/errors.ts';
import type * as content from './content/errors.ts';
import type * as event from './event/errors.ts';
import type * as municipality from './municipality/errors.ts';
import type * as network from './network/errors.ts';
import type * as project from './project/errors.ts';
import type * as resource from './resource/errors.ts';

/** The instances of the error classes a module exports (its other exports count for nothing). */
type ErrorsOf<Module> = {
  // biome-ignore lint/suspicious/noExplicitAny: any constructor, whatever it takes
  [K in keyof Module]: Module[K] extends abstract new (...args: any) => infer E ? E : never;
}[keyof Module];

/**
 * Every tagged error of the domain: the classes of each aggregate's errors.ts, gathered from the
 * modules themselves, so a new error class joins the union (and the API's map of tags to codes
 * must name it) without anyone listing it here.
 */
export type DomainError =
  | ErrorsOf<typeof access>
  | ErrorsOf<typeof article>
  | ErrorsOf<typeof content>
  | ErrorsOf<typeof event>
  | ErrorsOf<typeof municipality>
  | ErrorsOf<typeof network>
  | ErrorsOf<typeof project>
  | ErrorsOf<typeof resource>;

export type DomainErrorTag = DomainError['_tag'];
