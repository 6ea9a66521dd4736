"""Drives kube-sim with the official Kubernetes Python client (Debian's python3-kubernetes).

usage: python3 exercise_kube_sim.py <kubeconfig> <namespace>

Every call goes through the client's typed API with client-side validation on, so a field the
OpenAPI schema marks required and kube-sim leaves out raises ValueError, and a query parameter
kube-sim parses differently from the API server shows up as a wrong answer. Prints one JSON
document with what the client saw; the jest spec (python-client.integration-spec.ts) checks it.
Any unexpected error ends the script with a traceback and a non-zero exit code.
"""

import datetime
import json
import sys
import threading
import time

from kubernetes import client, config, watch
from kubernetes.client.rest import ApiException

WATCH_TIMEOUT_SECONDS = 20


def wait_for(description, condition, timeout_seconds=10.0):
    deadline = time.monotonic() + timeout_seconds
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError('timed out waiting for ' + description)
        time.sleep(0.05)


def api_error(call):
    """The ApiException a call raises, as status, reason and the Status body's reason."""
    try:
        call()
    except ApiException as error:
        body = json.loads(error.body) if error.body else {}
        return {'status': error.status, 'reason': body.get('reason'), 'message': body.get('message')}
    raise AssertionError('the call succeeded; an ApiException was expected')


def a_pod(name, app):
    return client.V1Pod(
        metadata=client.V1ObjectMeta(name=name, labels={'app': app}),
        spec=client.V1PodSpec(
            termination_grace_period_seconds=1,
            containers=[client.V1Container(name='game', image='game:1.0', ports=[client.V1ContainerPort(container_port=7777)])],
        ),
    )


def exercise_namespaces(core, namespace, out):
    created = core.create_namespace(client.V1Namespace(metadata=client.V1ObjectMeta(name=namespace, labels={'team': 'python'})))
    listed = core.list_namespace(label_selector='team=python')
    read = core.read_namespace(namespace)
    out['namespaces'] = {
        'created': created.metadata.name,
        'phase': read.status.phase,
        'listedWithLabel': [n.metadata.name for n in listed.items],
        'allNames': sorted(n.metadata.name for n in core.list_namespace().items),
        'duplicate': api_error(lambda: core.create_namespace(client.V1Namespace(metadata=client.V1ObjectMeta(name=namespace)))),
    }


def exercise_nodes(core, out):
    nodes = core.list_node()
    first = core.read_node(nodes.items[0].metadata.name)
    info = first.status.node_info
    out['nodes'] = {
        'names': [n.metadata.name for n in nodes.items],
        'ready': [c.status for n in nodes.items for c in n.status.conditions if c.type == 'Ready'],
        'nodeInfo': {
            'bootID': info.boot_id,
            'machineID': info.machine_id,
            'systemUUID': info.system_uuid,
            'kernelVersion': info.kernel_version,
            'osImage': info.os_image,
            'containerRuntimeVersion': info.container_runtime_version,
            'kubeletVersion': info.kubelet_version,
            'kubeProxyVersion': info.kube_proxy_version,
            'operatingSystem': info.operating_system,
            'architecture': info.architecture,
        },
        'addressTypes': [a.type for a in first.status.addresses],
        'fieldSelected': [n.metadata.name for n in core.list_node(field_selector='metadata.name=' + first.metadata.name).items],
    }


def watch_pods(core, namespace, resource_version, seen):
    """Watches the app=py pods from a resource version until the pod is deleted (or the timeout)."""
    stream = watch.Watch()
    for event in stream.stream(core.list_namespaced_pod, namespace, label_selector='app=py', resource_version=resource_version,
                               timeout_seconds=WATCH_TIMEOUT_SECONDS):
        pod = event['object']
        seen.append({'type': event['type'], 'name': pod.metadata.name, 'phase': pod.status.phase,
                     'terminating': pod.metadata.deletion_timestamp is not None})
        if event['type'] == 'DELETED':
            stream.stop()


def exercise_pods(core, namespace, out):
    start = core.list_namespaced_pod(namespace).metadata.resource_version
    seen = []
    watcher = threading.Thread(target=watch_pods, args=(core, namespace, start, seen))
    watcher.start()

    core.create_namespaced_pod(namespace, a_pod('py-a', 'py'))
    core.create_namespaced_pod(namespace, a_pod('py-b', 'other'))
    running = wait_for('py-a running and ready', lambda: (lambda p: p.status.phase == 'Running'
                                                           and all(s.ready for s in p.status.container_statuses or [False]) and p)(
        core.read_namespaced_pod('py-a', namespace)))
    by_label = core.list_namespaced_pod(namespace, label_selector='app=py')
    by_set = core.list_namespaced_pod(namespace, label_selector='app in (py, other)')
    by_field = core.list_namespaced_pod(namespace, field_selector='status.phase=Running,metadata.name=py-a')
    page = core.list_namespaced_pod(namespace, limit=1)
    rest = core.list_namespaced_pod(namespace, limit=1, _continue=page.metadata._continue)
    everywhere = core.list_pod_for_all_namespaces(label_selector='app=other')

    deleted = core.delete_namespaced_pod('py-a', namespace, grace_period_seconds=0)
    watcher.join(WATCH_TIMEOUT_SECONDS + 5)
    status = running.status.container_statuses[0]
    out['pods'] = {
        'listedWithLabel': [p.metadata.name for p in by_label.items],
        'listedWithSetLabel': sorted(p.metadata.name for p in by_set.items),
        'listedWithFields': [p.metadata.name for p in by_field.items],
        'pages': [[p.metadata.name for p in page.items], [p.metadata.name for p in rest.items]],
        'remainingAfterFirstPage': page.metadata.remaining_item_count,
        'allNamespaces': [(p.metadata.namespace, p.metadata.name) for p in everywhere.items],
        'read': {'phase': running.status.phase, 'node': running.spec.node_name, 'podIP': running.status.pod_ip,
                 'containerReady': status.ready, 'restartCount': status.restart_count, 'imageID': status.image_id,
                 'conditions': sorted(c.type for c in running.status.conditions)},
        'deleted': deleted.metadata.name,
        'missing': api_error(lambda: core.read_namespaced_pod('py-a', namespace)),
        'invalid': api_error(lambda: core.create_namespaced_pod(namespace, client.V1Pod(
            metadata=client.V1ObjectMeta(name='Not_Valid'), spec=client.V1PodSpec(containers=[client.V1Container(name='c', image='x')])))),
        'watchEnded': not watcher.is_alive(),
        'watched': seen,
    }


def exercise_pod_disruption_budget(namespace, out):
    policy = client.PolicyV1Api()
    body = client.V1PodDisruptionBudget(
        metadata=client.V1ObjectMeta(name='py-pdb'),
        spec=client.V1PodDisruptionBudgetSpec(min_available=1, selector=client.V1LabelSelector(match_labels={'app': 'py'})),
    )
    created = policy.create_namespaced_pod_disruption_budget(namespace, body)
    read = policy.read_namespaced_pod_disruption_budget('py-pdb', namespace)
    read.spec.min_available = 2
    replaced = policy.replace_namespaced_pod_disruption_budget('py-pdb', namespace, read)
    stale = api_error(lambda: policy.replace_namespaced_pod_disruption_budget('py-pdb', namespace, read))
    listed = policy.list_namespaced_pod_disruption_budget(namespace)
    deleted = policy.delete_namespaced_pod_disruption_budget('py-pdb', namespace)
    out['podDisruptionBudget'] = {
        'created': {'minAvailable': created.spec.min_available, 'disruptionsAllowed': created.status.disruptions_allowed,
                    'expectedPods': created.status.expected_pods},
        'replacedMinAvailable': replaced.spec.min_available,
        'generation': replaced.metadata.generation,
        'stale': stale,
        'listed': [p.metadata.name for p in listed.items],
        'deleted': {'status': deleted.status, 'name': deleted.details.name, 'kind': deleted.details.kind, 'group': deleted.details.group},
        'gone': api_error(lambda: policy.read_namespaced_pod_disruption_budget('py-pdb', namespace)),
    }


def exercise_event(core, namespace, out):
    pod = core.read_namespaced_pod('py-b', namespace)
    now = datetime.datetime.now(datetime.timezone.utc)
    event = client.CoreV1Event(
        metadata=client.V1ObjectMeta(generate_name='py-b.'),
        involved_object=client.V1ObjectReference(kind='Pod', api_version='v1', name='py-b', namespace=namespace, uid=pod.metadata.uid),
        reason='GameRoomDeleted', message='python client', type='Normal', count=1,
        source=client.V1EventSource(component='kube-sim-python-test'), first_timestamp=now, last_timestamp=now,
    )
    created = core.create_namespaced_event(namespace, event)
    listed = core.list_namespaced_event(namespace, field_selector='involvedObject.name=py-b')
    out['event'] = {
        'generatedName': created.metadata.name.startswith('py-b.'),
        'involvedUid': created.involved_object.uid == pod.metadata.uid,
        'listedReasons': [e.reason for e in listed.items],
        'mismatchedNamespace': api_error(lambda: core.create_namespaced_event(namespace, client.CoreV1Event(
            metadata=client.V1ObjectMeta(name='elsewhere'), involved_object=client.V1ObjectReference(kind='Pod', name='x', namespace='other')))),
    }


def namespace_phase(core, namespace):
    try:
        return core.read_namespace(namespace).status.phase
    except ApiException as error:
        if error.status == 404:
            return 'Gone'
        raise


def exercise_version(out):
    info = client.VersionApi().get_code()
    out['version'] = {'major': info.major, 'minor': info.minor, 'gitVersion': info.git_version, 'platform': info.platform}


def main():
    kubeconfig, namespace = sys.argv[1], sys.argv[2]
    config.load_kube_config(config_file=kubeconfig)
    if not client.Configuration.get_default_copy().client_side_validation:
        raise AssertionError('client-side validation must be on: it is what checks the required fields')
    core = client.CoreV1Api()
    out = {}
    exercise_version(out)
    exercise_namespaces(core, namespace, out)
    exercise_nodes(core, out)
    exercise_pods(core, namespace, out)
    exercise_pod_disruption_budget(namespace, out)
    exercise_event(core, namespace, out)
    core.delete_namespace(namespace)
    out['namespaceDeleted'] = {'phase': namespace_phase(core, namespace), 'protected': api_error(lambda: core.delete_namespace('default'))}
    print(json.dumps(out, sort_keys=True))


if __name__ == '__main__':
    main()
