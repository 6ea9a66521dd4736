import { RESOURCES, type ResourceType, groupOf } from '../store/k8s-object';

/**
 * OpenAPI v3 documents, just enough for kubectl's field-validation probe: for every resource, the
 * PATCH operation of its object path, tagged with its group/version/kind and taking the
 * `fieldValidation` parameter. kubectl then leaves validation to the server (which accepts the
 * parameter and does not enforce it) instead of failing with "failed to download openapi".
 * No schemas: `kubectl explain` has nothing to show.
 */

/** Group-version paths as the OpenAPI v3 root lists them (`api/v1`, `apis/policy/v1`). */
const groupVersionPath = (apiVersion: string): string => (groupOf(apiVersion) ? `apis/${apiVersion}` : `api/${apiVersion}`);

const API_VERSIONS = [...new Set(Object.values(RESOURCES).map((r) => r.apiVersion))];

function objectPath(resource: ResourceType): string {
  const base = `/${groupVersionPath(resource.apiVersion)}`;
  return resource.namespaced ? `${base}/namespaces/{namespace}/${resource.name}/{name}` : `${base}/${resource.name}/{name}`;
}

function groupVersionDocument(apiVersion: string): Record<string, unknown> {
  const group = groupOf(apiVersion);
  const version = apiVersion.slice(apiVersion.indexOf('/') + 1);
  const paths = Object.fromEntries(
    Object.values(RESOURCES)
      .filter((r) => r.apiVersion === apiVersion)
      .map((r) => [
        objectPath(r),
        {
          patch: {
            operationId: `patch${r.kind}`,
            'x-kubernetes-action': 'patch',
            'x-kubernetes-group-version-kind': { group, version, kind: r.kind },
            parameters: [
              { name: 'fieldValidation', in: 'query', description: 'accepted; kube-sim does not enforce it', schema: { type: 'string', uniqueItems: true } },
            ],
            responses: { '200': { description: 'OK' } },
          },
        },
      ]),
  );
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.0-kube-sim' }, paths, components: { schemas: {} } };
}

/** The document served at `path` (`/openapi/v3` or `/openapi/v3/<group-version path>`), if any. */
export function openApiDocument(path: string): unknown | undefined {
  if (path === '/openapi/v3') {
    return {
      paths: Object.fromEntries(API_VERSIONS.map((v) => [groupVersionPath(v), { serverRelativeURL: `/openapi/v3/${groupVersionPath(v)}?hash=kube-sim-1` }])),
    };
  }
  const apiVersion = API_VERSIONS.find((v) => path === `/openapi/v3/${groupVersionPath(v)}`);
  return apiVersion ? groupVersionDocument(apiVersion) : undefined;
}
