import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * Where the API's OpenAPI document lives. It ships with the package (see
 * `files` in package.json), so the same path works from source and from a
 * published build.
 */
export const openApiSpecPath = resolvePackagePath(
  '@ownership-portal/plugin-ownership-backend',
  'src/schema/openapi.yaml',
);

/** The parts of an OpenAPI document the router and the tests read. */
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: Record<string, Record<string, any>>;
}

/** One operation of the document, as far as this plugin uses it. */
export interface OpenApiOperation {
  operationId: string;
  parameters?: Array<Record<string, any>>;
  responses: Record<string, Record<string, any>>;
}

/**
 * Reads `openapi.yaml`. Each call returns a fresh object, since the request
 * validator annotates the document it is given.
 */
export function loadOpenApiSpec(): OpenApiDocument {
  return parse(readFileSync(openApiSpecPath, 'utf8')) as OpenApiDocument;
}
