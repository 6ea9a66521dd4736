/**
 * The fields the Kubernetes OpenAPI schema (v1.32) marks required, for every type kube-sim
 * serves and the types nested in them, written down from the schema as the test oracle. A client
 * generated from the schema with validation on (the official Python client raises ValueError)
 * refuses an object missing one. `fields` names the nested types worth descending into; `[]`
 * marks a list of that type.
 */
interface TypeSchema {
  required?: string[];
  fields?: Record<string, string>;
}

const listOf = (item: string): TypeSchema => ({ required: ['items'], fields: { items: `${item}[]`, metadata: 'ListMeta' } });
const typeAndStatus: TypeSchema = { required: ['type', 'status'] };

const SCHEMAS: Record<string, TypeSchema> = {
  ListMeta: {},
  ObjectMeta: { fields: { ownerReferences: 'OwnerReference[]' } },
  OwnerReference: { required: ['apiVersion', 'kind', 'name', 'uid'] },

  Pod: { fields: { metadata: 'ObjectMeta', spec: 'PodSpec', status: 'PodStatus' } },
  PodList: listOf('Pod'),
  PodSpec: {
    required: ['containers'],
    fields: {
      containers: 'Container[]',
      initContainers: 'Container[]',
      tolerations: 'Toleration[]',
      affinity: 'Affinity',
      readinessGates: 'PodReadinessGate[]',
    },
  },
  Container: { required: ['name'], fields: { ports: 'ContainerPort[]', env: 'EnvVar[]', volumeMounts: 'VolumeMount[]' } },
  ContainerPort: { required: ['containerPort'] },
  EnvVar: { required: ['name'] },
  VolumeMount: { required: ['name', 'mountPath'] },
  Toleration: {},
  PodReadinessGate: { required: ['conditionType'] },
  Affinity: { fields: { nodeAffinity: 'NodeAffinity' } },
  NodeAffinity: { fields: { requiredDuringSchedulingIgnoredDuringExecution: 'NodeSelector' } },
  NodeSelector: { required: ['nodeSelectorTerms'], fields: { nodeSelectorTerms: 'NodeSelectorTerm[]' } },
  NodeSelectorTerm: { fields: { matchExpressions: 'NodeSelectorRequirement[]', matchFields: 'NodeSelectorRequirement[]' } },
  NodeSelectorRequirement: { required: ['key', 'operator'] },
  PodStatus: {
    fields: {
      conditions: 'PodCondition[]',
      containerStatuses: 'ContainerStatus[]',
      initContainerStatuses: 'ContainerStatus[]',
      podIPs: 'PodIP[]',
      hostIPs: 'HostIP[]',
    },
  },
  PodCondition: typeAndStatus,
  PodIP: { required: ['ip'] },
  HostIP: { required: ['ip'] },
  ContainerStatus: { required: ['name', 'image', 'imageID', 'ready', 'restartCount'], fields: { state: 'ContainerState', lastState: 'ContainerState' } },
  ContainerState: { fields: { terminated: 'ContainerStateTerminated' } },
  ContainerStateTerminated: { required: ['exitCode'] },

  Node: { fields: { metadata: 'ObjectMeta', spec: 'NodeSpec', status: 'NodeStatus' } },
  NodeList: listOf('Node'),
  NodeSpec: { fields: { taints: 'Taint[]' } },
  Taint: { required: ['key', 'effect'] },
  NodeStatus: {
    fields: {
      addresses: 'NodeAddress[]',
      conditions: 'NodeCondition[]',
      nodeInfo: 'NodeSystemInfo',
      daemonEndpoints: 'NodeDaemonEndpoints',
      volumesAttached: 'AttachedVolume[]',
    },
  },
  NodeAddress: { required: ['type', 'address'] },
  NodeCondition: typeAndStatus,
  NodeSystemInfo: {
    required: [
      'machineID',
      'systemUUID',
      'bootID',
      'kernelVersion',
      'osImage',
      'containerRuntimeVersion',
      'kubeletVersion',
      'kubeProxyVersion',
      'operatingSystem',
      'architecture',
    ],
  },
  NodeDaemonEndpoints: { fields: { kubeletEndpoint: 'DaemonEndpoint' } },
  DaemonEndpoint: { required: ['Port'] },
  AttachedVolume: { required: ['name', 'devicePath'] },

  Namespace: { fields: { metadata: 'ObjectMeta', status: 'NamespaceStatus' } },
  NamespaceList: listOf('Namespace'),
  NamespaceStatus: { fields: { conditions: 'NamespaceCondition[]' } },
  NamespaceCondition: typeAndStatus,

  Event: { required: ['metadata', 'involvedObject'], fields: { metadata: 'ObjectMeta' } },
  EventList: listOf('Event'),

  PodDisruptionBudget: { fields: { metadata: 'ObjectMeta', spec: 'PodDisruptionBudgetSpec', status: 'PodDisruptionBudgetStatus' } },
  PodDisruptionBudgetList: listOf('PodDisruptionBudget'),
  PodDisruptionBudgetSpec: { fields: { selector: 'LabelSelector' } },
  LabelSelector: { fields: { matchExpressions: 'LabelSelectorRequirement[]' } },
  LabelSelectorRequirement: { required: ['key', 'operator'] },
  PodDisruptionBudgetStatus: { required: ['currentHealthy', 'desiredHealthy', 'disruptionsAllowed', 'expectedPods'], fields: { conditions: 'Condition[]' } },
  Condition: { required: ['type', 'status', 'lastTransitionTime', 'reason', 'message'] },

  Status: { fields: { metadata: 'ListMeta', details: 'StatusDetails' } },
  StatusDetails: {},
  WatchEvent: { required: ['type', 'object'] },
  Table: { required: ['columnDefinitions', 'rows'], fields: { metadata: 'ListMeta', columnDefinitions: 'TableColumnDefinition[]', rows: 'TableRow[]' } },
  TableColumnDefinition: { required: ['name', 'type', 'format', 'description', 'priority'] },
  TableRow: { required: ['cells'] },

  APIVersions: { required: ['versions', 'serverAddressByClientCIDRs'], fields: { serverAddressByClientCIDRs: 'ServerAddressByClientCIDR[]' } },
  ServerAddressByClientCIDR: { required: ['clientCIDR', 'serverAddress'] },
  APIGroupList: { required: ['groups'], fields: { groups: 'APIGroup[]' } },
  APIGroup: { required: ['name', 'versions'], fields: { versions: 'GroupVersionForDiscovery[]', preferredVersion: 'GroupVersionForDiscovery' } },
  GroupVersionForDiscovery: { required: ['groupVersion', 'version'] },
  APIResourceList: { required: ['groupVersion', 'resources'], fields: { resources: 'APIResource[]' } },
  APIResource: { required: ['name', 'singularName', 'namespaced', 'kind', 'verbs'] },
  VersionInfo: { required: ['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform'] },
};

/** The kinds a test may check, by the name of their schema. */
export type SchemaName = keyof typeof SCHEMAS;

/**
 * Paths of the required fields `value` (of type `type`) lacks, `null` counting as missing as it
 * does for the clients: `status.nodeInfo.bootID`, `items[0].status.containerStatuses[1].imageID`...
 */
export function missingRequiredFields(type: SchemaName, value: unknown, path = ''): string[] {
  const schema = SCHEMAS[type];
  if (!schema) throw new Error(`no schema for ${type}`);
  if (typeof value !== 'object' || value === null) return [];
  const object = value as Record<string, unknown>;
  const at = (field: string) => (path ? `${path}.${field}` : field);
  const missing = (schema.required ?? []).filter((field) => object[field] === undefined || object[field] === null).map(at);
  for (const [field, fieldType] of Object.entries(schema.fields ?? {})) {
    const nested = object[field];
    if (fieldType.endsWith('[]')) {
      if (Array.isArray(nested)) nested.forEach((item, i) => missing.push(...missingRequiredFields(fieldType.slice(0, -2), item, `${at(field)}[${i}]`)));
    } else missing.push(...missingRequiredFields(fieldType, nested, at(field)));
  }
  return missing;
}
