import { decodeProtobufObject } from './protobuf';

/** Minimal protobuf writer for the test: length-delimited fields only, as strings and messages are. */
const field = (number: number, value: Buffer | string): Buffer => {
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from(value);
  return Buffer.concat([Buffer.from([(number << 3) | 2, bytes.length]), bytes]);
};
const message = (...parts: Buffer[]) => Buffer.concat(parts);

describe('protobuf request bodies', () => {
  it('decodes a namespace as kubectl create namespace sends it', () => {
    const meta = message(field(1, 'x'), field(11, message(field(1, 'team'), field(2, 'games'))), field(12, message(field(1, 'note'), field(2, ''))));
    const namespace = message(field(1, meta), field(2, message(field(1, 'kubernetes'))));
    const envelope = message(field(1, message(field(1, 'v1'), field(2, 'Namespace'))), field(2, namespace));
    const body = Buffer.concat([Buffer.from('k8s\0', 'binary'), envelope]);
    expect(decodeProtobufObject(body)).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'x', labels: { team: 'games' }, annotations: { note: '' } },
      spec: { finalizers: ['kubernetes'] },
    });
  });

  it('refuses bodies without the k8s envelope or with truncated fields', () => {
    expect(() => decodeProtobufObject(Buffer.from('{"metadata":{}}'))).toThrow('envelope');
    expect(() => decodeProtobufObject(Buffer.concat([Buffer.from('k8s\0', 'binary'), Buffer.from([0x0a, 0x10, 0x01])]))).toThrow('truncated');
  });
});
