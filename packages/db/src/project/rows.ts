import { type RawBuilder, sql } from 'kysely';

/**
 * The domain's isPublic(project, now) in SQL for the project joined as `alias`: published, and
 * unscheduled or scheduled for `now` or earlier. Every public read of projects filters with it
 * (project lists, details, themes, the matrix, a municipality's projects).
 */
export const publicProjectSql = (alias: string, now: Date | RawBuilder<unknown>) =>
  sql<boolean>`(${sql.ref(`${alias}.workflow_status`)} = 'published' and (${sql.ref(`${alias}.publish_at`)} is null or ${sql.ref(`${alias}.publish_at`)} <= ${now}))`;
