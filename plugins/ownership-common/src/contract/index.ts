/*
 * The API's request and response types are generated from its OpenAPI
 * document (`plugins/ownership-backend/src/schema/openapi.yaml`, see
 * `yarn generate:openapi`); the names below are derived from them.
 */
export * from '../schema/openapi/generated';
export * from './aliases';
export * from './search';
