export * from './errors.ts';
export * from './participation.ts';
export * from './participation-status.ts';
export * from './people.ts';
export * from './person.ts';
export * from './project.ts';
export * from './takes-part.ts';
export * from './views.ts';
