import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

/** Writes a kubeconfig (cluster, user without credentials, current context) pointing at kube-sim. */
export function writeKubeconfig(file: string, serverUrl: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    // The official JavaScript client refuses plain HTTP unless TLS verification is marked as skipped.
    clusters: [{ name: 'kube-sim', cluster: { server: serverUrl, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'kube-sim', user: {} }],
    contexts: [{ name: 'kube-sim', context: { cluster: 'kube-sim', user: 'kube-sim', namespace: 'default' } }],
    'current-context': 'kube-sim',
    preferences: {},
  };
  writeFileSync(file, stringify(config));
}
