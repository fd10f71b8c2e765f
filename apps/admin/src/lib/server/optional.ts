import { apiErrorCode } from '@klimakommuner/api';
import type { Page, ProjectSummary, Status } from '@klimakommuner/domain';
import type { ApiClient } from './api.ts';

/**
 * Procedures the admin needs that docs/contracts-projects.md does not name yet. They are called
 * when the API has them and the admin falls back when it answers that there is no such
 * procedure (NOT_FOUND from tRPC's router), so the pages work against either API.
 *
 * - `projects.preview({ body })` → `{ bodyHtml }`: the API's sanitised HTML of unsaved Markdown.
 * - `projects.listForEdit({ organisation })` → Page of summaries with `workflowStatus`, drafts too.
 */
export interface EditorProjectSummary extends ProjectSummary {
  readonly workflowStatus: Status;
}

interface OptionalProcedures {
  readonly projects: {
    readonly preview: { mutate(input: { body: string }): Promise<{ bodyHtml: string }> };
    readonly listForEdit: {
      query(input: { organisation: string }): Promise<Page<EditorProjectSummary>>;
    };
  };
}

const optional = (client: ApiClient) => client as unknown as OptionalProcedures;

function isMissingProcedure(cause: unknown): boolean {
  return apiErrorCode(cause) === 'NOT_FOUND';
}

/** The sanitised HTML of `body`, or null when the API cannot preview unsaved text. */
export async function previewHtml(client: ApiClient, body: string): Promise<string | null> {
  try {
    return (await optional(client).projects.preview.mutate({ body })).bodyHtml;
  } catch (cause) {
    if (isMissingProcedure(cause)) return null;
    throw cause;
  }
}

/**
 * Every project of the organisation whatever its workflow status; `complete` is false when the
 * API only lists public projects, so the page can say drafts are missing.
 */
export async function organisationProjects(
  client: ApiClient,
  organisation: string,
): Promise<{ items: readonly EditorProjectSummary[]; complete: boolean }> {
  try {
    const page = await optional(client).projects.listForEdit.query({ organisation });
    return { items: page.items, complete: true };
  } catch (cause) {
    if (!isMissingProcedure(cause)) throw cause;
  }
  const page = await client.projects.list.query({ organisation, limit: 500 });
  return {
    items: page.items.map((item) => ({ ...item, workflowStatus: 'published' as const })),
    complete: false,
  };
}
