// Barrel: routes import the data layer from one place.
export * from './pool';
export { knex as db } from './knex';
