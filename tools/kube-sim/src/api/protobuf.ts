import type { K8sObject } from '../store/k8s-object';

/** Media type of the Kubernetes protobuf encoding (kubectl's typed clients send it, e.g. `create namespace`). */
export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]); // "k8s\0"

type Field = { number: number; value: bigint | Buffer };

/** Splits one protobuf message into its fields (wire types varint, 64-bit, length-delimited, 32-bit). */
function fields(buffer: Buffer): Field[] {
  const result: Field[] = [];
  let offset = 0;
  const varint = (): bigint => {
    let value = 0n;
    let shift = 0n;
    for (;;) {
      if (offset >= buffer.length) throw new Error('truncated varint');
      const byte = buffer[offset++];
      value |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value;
      shift += 7n;
    }
  };
  while (offset < buffer.length) {
    const tag = Number(varint());
    const number = tag >>> 3;
    switch (tag & 7) {
      case 0:
        result.push({ number, value: varint() });
        break;
      case 1:
        result.push({ number, value: buffer.subarray(offset, (offset += 8)) });
        break;
      case 2: {
        const length = Number(varint());
        if (offset + length > buffer.length) throw new Error('truncated field');
        result.push({ number, value: buffer.subarray(offset, (offset += length)) });
        break;
      }
      case 5:
        result.push({ number, value: buffer.subarray(offset, (offset += 4)) });
        break;
      default:
        throw new Error(`unsupported wire type ${tag & 7}`);
    }
  }
  return result;
}

const text = (f: Field) => (Buffer.isBuffer(f.value) ? f.value.toString('utf8') : String(f.value));
const bytes = (f: Field) => (Buffer.isBuffer(f.value) ? f.value : Buffer.alloc(0));

function stringMap(entries: Field[]): Record<string, string> | undefined {
  if (entries.length === 0) return undefined;
  const map: Record<string, string> = {};
  for (const entry of entries) {
    const parts = fields(bytes(entry));
    const key = parts.find((p) => p.number === 1);
    const value = parts.find((p) => p.number === 2);
    if (key) map[text(key)] = value ? text(value) : '';
  }
  return map;
}

/** ObjectMeta: name 1, generateName 2, namespace 3, resourceVersion 6, labels 11, annotations 12, finalizers 14. */
function objectMeta(buffer: Buffer): K8sObject['metadata'] {
  const parts = fields(buffer);
  const one = (n: number) => {
    const f = parts.find((p) => p.number === n);
    return f ? text(f) : undefined;
  };
  const finalizers = parts.filter((p) => p.number === 14).map(text);
  const metadata: K8sObject['metadata'] = {
    name: one(1) ?? '',
    generateName: one(2),
    namespace: one(3),
    resourceVersion: one(6),
    labels: stringMap(parts.filter((p) => p.number === 11)),
    annotations: stringMap(parts.filter((p) => p.number === 12)),
    finalizers: finalizers.length > 0 ? finalizers : undefined,
  };
  for (const key of Object.keys(metadata)) if (metadata[key] === undefined || metadata[key] === '') delete metadata[key];
  metadata.name = metadata.name ?? '';
  return metadata;
}

/**
 * Decodes a protobuf-encoded Kubernetes object (the `k8s\0` + runtime.Unknown envelope) into JSON form.
 * Only the type, the object metadata and a namespace's spec are understood; other spec fields are
 * dropped, which is enough for the generators of `kubectl create` kube-sim needs (namespaces).
 */
export function decodeProtobufObject(body: Buffer): K8sObject {
  if (body.length < MAGIC.length || !body.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('protobuf body without the k8s envelope');
  const envelope = fields(body.subarray(MAGIC.length));
  const typeMeta = envelope.find((f) => f.number === 1);
  const raw = envelope.find((f) => f.number === 2);
  const type = typeMeta ? fields(bytes(typeMeta)) : [];
  const apiVersion = type.find((f) => f.number === 1);
  const kind = type.find((f) => f.number === 2);
  const object = raw ? fields(bytes(raw)) : [];
  const meta = object.find((f) => f.number === 1);
  const result: K8sObject = {
    ...(apiVersion ? { apiVersion: text(apiVersion) } : {}),
    ...(kind ? { kind: text(kind) } : {}),
    metadata: meta ? objectMeta(bytes(meta)) : { name: '' },
  };
  const spec = object.find((f) => f.number === 2);
  if (result.kind === 'Namespace' && spec) {
    const finalizers = fields(bytes(spec))
      .filter((f) => f.number === 1)
      .map(text);
    result.spec = finalizers.length > 0 ? { finalizers } : {};
  }
  return result;
}
