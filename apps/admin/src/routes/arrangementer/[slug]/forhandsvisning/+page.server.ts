import { load as api } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

/** The saved event as the public will see it (events.previewPage), and where it stands now. */
export const load: PageServerLoad = async (event) => {
  const { slug } = event.params;
  const [preview, edit] = await api(event, (client) =>
    Promise.all([
      client.events.previewPage.query({ slug }),
      client.events.getForEdit.query({ slug }),
    ]),
  );
  return { preview, workflowStatus: edit.workflowStatus, publishAt: edit.publishAt };
};
