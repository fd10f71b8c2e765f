import { load as api } from './api.ts';

type Event = Parameters<typeof api>[0];

/** The API's sanitised HTML of a Markdown body that is not saved yet; never the text as typed. */
export async function previewBody(event: Event, body: string): Promise<string> {
  if (body.trim() === '') return '';
  const rendered = await api(event, (client) => client.projects.preview.mutate({ body }));
  return rendered.bodyHtml;
}
