import { load as api } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

/** The saved article as the public will see it (articles.previewPage), and where it stands now. */
export const load: PageServerLoad = async (event) => {
  const { slug } = event.params;
  const [article, edit] = await api(event, (client) =>
    Promise.all([
      client.articles.previewPage.query({ slug }),
      client.articles.getForEdit.query({ slug }),
    ]),
  );
  return { article, workflowStatus: edit.workflowStatus, publishAt: edit.publishAt };
};
