import { load as api } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

/** The saved resource as the public will see it (resources.previewPage), and where it stands now. */
export const load: PageServerLoad = async (event) => {
  const { slug } = event.params;
  const [resource, edit] = await api(event, (client) =>
    Promise.all([
      client.resources.previewPage.query({ slug }),
      client.resources.getForEdit.query({ slug }),
    ]),
  );
  return { resource, workflowStatus: edit.workflowStatus, publishAt: edit.publishAt };
};
