import { load as api } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { recordType, recordId } = event.params;
  const history = await api(event, (client) =>
    client.audit.history.query({ recordType, recordId }),
  );
  return { recordType, recordId, history };
};
