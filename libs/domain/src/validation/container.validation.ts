import type { Container, ContainerPort, ContainerResources, EnvVar } from '../entities/scheduler';
import { IMAGE_PULL_POLICIES, PORT_PROTOCOLS } from '../entities/scheduler';
import { type IssueCollector, isKubeResourceName, isOneOf, rule } from './field-rules';
import { INPUT_LIMITS } from './input-limits';

/** Rules of one container (management-api.md 5), in Go struct order. */
export function collectContainerIssues(c: Container, at: IssueCollector): void {
  at.check(c.name === '', 'Name', 'required', rule.required) || at.check(!isKubeResourceName(c.name), 'Name', 'kube_resource_name', rule.kubeResourceName);
  at.check(c.image === '', 'Image', 'required', rule.required) ||
    at.check(c.image.length > INPUT_LIMITS.imageLength, 'Image', 'max', (f) => rule.maxLength(f, INPUT_LIMITS.imageLength));
  at.check(c.imagePullPolicy === '', 'ImagePullPolicy', 'required', rule.required) ||
    at.check(!isOneOf(c.imagePullPolicy, IMAGE_PULL_POLICIES), 'ImagePullPolicy', 'image_pull_policy', rule.imagePullPolicy);
  collectCommandIssues(c.command, at);
  at.check(c.environment.length > INPUT_LIMITS.environment, 'Environment', 'max', (f) => rule.maxItems(f, INPUT_LIMITS.environment));
  c.environment.slice(0, INPUT_LIMITS.environment).forEach((env, i) => collectEnvironmentIssues(env, at.at(`Environment[${i}]`)));
  collectResourceIssues(c.requests, at.at('Requests'));
  collectResourceIssues(c.limits, at.at('Limits'));
  at.check(c.ports.length > INPUT_LIMITS.portsPerContainer, 'Ports', 'max', (f) => rule.maxItems(f, INPUT_LIMITS.portsPerContainer));
  c.ports.slice(0, INPUT_LIMITS.portsPerContainer).forEach((port, i) => collectPortIssues(port, at.at(`Ports[${i}]`)));
}

function collectCommandIssues(command: readonly string[], at: IssueCollector): void {
  if (at.check(command.length > INPUT_LIMITS.commandItems, 'Command', 'max', (f) => rule.maxItems(f, INPUT_LIMITS.commandItems))) return;
  const limit = INPUT_LIMITS.commandItemLength;
  command.forEach((item, i) => at.check(item.length > limit, `Command[${i}]`, 'max', (f) => rule.maxLength(f, limit)));
}

function collectEnvironmentIssues(env: EnvVar, at: IssueCollector): void {
  const { environmentNameLength: nameLimit, environmentValueLength: valueLimit } = INPUT_LIMITS;
  at.check(env.name === '', 'Name', 'required', rule.required) || at.check(env.name.length > nameLimit, 'Name', 'max', (f) => rule.maxLength(f, nameLimit));
  at.check((env.value ?? '').length > valueLimit, 'Value', 'max', (f) => rule.maxLength(f, valueLimit));
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
