/**
 * What the document tests compare of one operation, read the same way from Maestro's Swagger 2.0
 * document (body parameter, `definitions`) and from ours in OpenAPI 3 (requestBody, `components`).
 * Schemas are flattened to `property path -> type`: `ports[].port: integer/int32`.
 */
export interface OperationShape {
  pathParameters: string[];
  requestBody: Record<string, string> | null;
  okResponse: Record<string, string> | null;
  errorResponse: Record<string, string> | null;
}

type Node = Record<string, any>;

export function operationShape(document: Node, route: string, method: string): OperationShape | undefined {
  const operation: Node | undefined = document.paths?.[route]?.[method.toLowerCase()];
  if (!operation) return undefined;
  const parameters: Node[] = operation.parameters ?? [];
  const body = parameters.find((p) => p.in === 'body')?.schema ?? operation.requestBody?.content?.['application/json']?.schema;
  const response = (status: string) => {
    const answer = operation.responses?.[status];
    const schema = answer?.schema ?? answer?.content?.['application/json']?.schema;
    return schema ? flatten(document, schema) : null;
  };
  return {
    pathParameters: parameters
      .filter((p) => p.in === 'path')
      .map((p) => `${p.name}: ${p.type ?? p.schema?.type}${p.required ? '' : ' (optional)'}`)
      .sort(),
    requestBody: body ? flatten(document, body) : null,
    okResponse: response('200'),
    errorResponse: response('default'),
  };
}

function flatten(document: Node, schema: Node, prefix = ''): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const [name, declared] of Object.entries<Node>(resolve(document, schema).properties ?? {})) {
    const property = resolve(document, declared);
    const key = `${prefix}${name}`;
    properties[key] = typeOf(property);
    if (property.type === 'array' && property.items) Object.assign(properties, flatten(document, property.items, `${key}[].`));
    else if (property.properties) Object.assign(properties, flatten(document, property, `${key}.`));
  }
  return properties;
}

const typeOf = (schema: Node) => (schema.format ? `${schema.type}/${schema.format}` : String(schema.type ?? 'object'));

/** Follows `$ref`s (`#/definitions/X`, `#/components/schemas/X`) and single-entry `allOf`s. */
function resolve(document: Node, schema: Node): Node {
  if (schema.$ref) {
    const target = String(schema.$ref)
      .replace(/^#\//, '')
      .split('/')
      .reduce<Node | undefined>((node, key) => node?.[key], document);
    if (!target) throw new Error(`unresolved ${schema.$ref}`);
    return resolve(document, target);
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length === 1) return resolve(document, schema.allOf[0]);
  return schema;
}
