import { load as api } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

/** The saved project as the public will see it (projects.previewPage), and where it stands now. */
export const load: PageServerLoad = async (event) => {
  const { slug } = event.params;
  const [project, edit] = await api(event, (client) =>
    Promise.all([
      client.projects.previewPage.query({ slug }),
      client.projects.getForEdit.query({ slug }),
    ]),
  );
  return { project, workflowStatus: edit.workflowStatus, publishAt: edit.publishAt };
};
