import type { Container, ContainerPort, ContainerResources } from '../entities/scheduler';
import { IMAGE_PULL_POLICIES, PORT_PROTOCOLS } from '../entities/scheduler';
import { type IssueCollector, isKubeResourceName, isOneOf, rule } from './field-rules';

/** Rules of one container (management-api.md 5), in Go struct order. */
export function collectContainerIssues(c: Container, at: IssueCollector): void {
  at.check(c.name === '', 'Name', 'required', rule.required) || at.check(!isKubeResourceName(c.name), 'Name', 'kube_resource_name', rule.kubeResourceName);
  at.check(c.image === '', 'Image', 'required', rule.required);
  at.check(c.imagePullPolicy === '', 'ImagePullPolicy', 'required', rule.required) ||
    at.check(!isOneOf(c.imagePullPolicy, IMAGE_PULL_POLICIES), 'ImagePullPolicy', 'image_pull_policy', rule.imagePullPolicy);
  c.environment.forEach((env, i) => at.at(`Environment[${i}]`).check(env.name === '', 'Name', 'required', rule.required));
  collectResourceIssues(c.requests, at.at('Requests'));
  collectResourceIssues(c.limits, at.at('Limits'));
  c.ports.forEach((port, i) => collectPortIssues(port, at.at(`Ports[${i}]`)));
}

function collectResourceIssues(resources: ContainerResources, at: IssueCollector): void {
  at.check(resources.memory === '', 'Memory', 'required', rule.required);
  at.check(resources.cpu === '', 'CPU', 'required', rule.required);
}

function collectPortIssues(port: ContainerPort, at: IssueCollector): void {
  at.check(port.name === '', 'Name', 'required', rule.required) || at.check(port.name.length > 15, 'Name', 'max', (f) => rule.maxLength(f, 15));
  at.check(port.protocol === '', 'Protocol', 'required', rule.required) ||
    at.check(!isOneOf(port.protocol, PORT_PROTOCOLS), 'Protocol', 'ports_protocol', rule.portsProtocol);
  at.check(port.port === 0, 'Port', 'required', rule.required);
  if (port.hostPortRange) {
    const range = port.hostPortRange;
    at.at('HostPortRange').check(!(range.start < range.end), 'Start', 'ltfield', (f) => rule.ltField(f, 'End'));
  }
}
