import { spec } from './openapi';

/** A JSON schema, parameter or response object of the document, read loosely. */
export type OpenApiObject = Record<string, any>;

/** The parts of the OpenAPI document that code walking it reads. */
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: Record<string, Record<string, OpenApiObject>>;
}

/** One operation of the document, as far as this plugin uses it. */
interface OpenApiOperation {
  operationId: string;
  parameters?: OpenApiObject[];
  requestBody?: OpenApiObject;
  responses: Record<string, OpenApiObject>;
}

/**
 * The generated document (`openapi.yaml`), typed loosely for code that only
 * reads it by name: the query parameter parsers and the body messages.
 */
export const openApiDocument = spec as unknown as OpenApiDocument;

/**
 * A fresh, mutable copy of the generated document (`openapi.yaml`), typed
 * loosely, for code that changes what it walks, such as the tests. Routes are typed by the generated `EndpointMap` instead.
 */
export function loadOpenApiSpec(): OpenApiDocument {
  return structuredClone(openApiDocument);
}

/** Follows a local `$ref` such as `#/components/parameters/limit`. */
export function deref(
  document: OpenApiDocument,
  value: OpenApiObject,
): OpenApiObject {
  if (typeof value?.$ref !== 'string') {
    return value;
  }
  const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(value.$ref)!;
  return deref(document, document.components[section][name]);
}
