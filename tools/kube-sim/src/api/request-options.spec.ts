import { deleteOptionsOf, listOptionsOf, writeOptionsOf } from './request-options';

const list = (query: string, forceWatch = false) => listOptionsOf(new URLSearchParams(query), forceWatch);
const invalid = (kind: string, ...causes: { field: string; message: string }[]) =>
  expect.objectContaining({ code: 422, reason: 'Invalid', objectKind: kind, group: 'meta.k8s.io', causes: causes.map((c) => expect.objectContaining(c)) });

describe('ListOptions', () => {
  it("reads watch as the Python client sends it (watch=True) and the legacy /watch/ paths' forced watch", () => {
    expect(list('watch=True').watch).toBe(true);
    expect(list('watch=False').watch).toBe(false);
    expect(list('').watch).toBe(false);
    expect(list('watch=false', true).watch).toBe(true);
    expect(list('watch=1&allowWatchBookmarks=True&timeoutSeconds=30&limit=5')).toMatchObject({
      watch: true,
      allowWatchBookmarks: true,
      timeoutSeconds: 30,
      limit: 5,
    });
  });

  it("answers 400 with Go's text for integers that do not parse", () => {
    expect(() => list('limit=ten')).toThrow(expect.objectContaining({ code: 400, message: 'strconv.ParseInt: parsing "ten": invalid syntax' }));
    expect(() => list('watch=1&timeoutSeconds=1.5')).toThrow('strconv.ParseInt: parsing "1.5": invalid syntax');
    expect(() => list('limit=')).toThrow('strconv.ParseInt: parsing "": invalid syntax');
    expect(() => list('resourceVersion=latest')).toThrow(expect.objectContaining({ code: 400, message: expect.stringContaining('invalid resource version') }));
  });

  it('refuses the combinations the API server refuses', () => {
    expect(() => list('sendInitialEvents=false')).toThrow(
      invalid('ListOptions', { field: 'sendInitialEvents', message: 'Forbidden: sendInitialEvents is forbidden for list' }),
    );
    expect(() => list('resourceVersionMatch=NotOlderThan')).toThrow(
      invalid('ListOptions', { field: 'resourceVersionMatch', message: 'Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided' }),
    );
    expect(() => list('resourceVersion=0&resourceVersionMatch=Exact')).toThrow(
      'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"',
    );
    expect(() => list('resourceVersion=3&resourceVersionMatch=Newest')).toThrow(
      'resourceVersionMatch: Unsupported value: "Newest": supported values: "Exact", "NotOlderThan", ""',
    );
    expect(() => list('watch=1&sendInitialEvents=true')).toThrow(
      invalid('ListOptions', { field: 'resourceVersionMatch', message: 'Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan' }),
    );
    expect(() => list('watch=1&resourceVersionMatch=NotOlderThan')).toThrow('resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided');
    expect(list('watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan')).toMatchObject({ sendInitialEvents: true });
    expect(() => list('continue=abc&resourceVersion=5')).toThrow(
      expect.objectContaining({ code: 400, message: 'specifying resource version is not allowed when using continue' }),
    );
    expect(list('continue=abc&resourceVersion=0').continue).toBe('abc');
  });
});

describe('DeleteOptions', () => {
  it('reads the body when there is one and ignores the query then, as the API server does', () => {
    const query = new URLSearchParams('gracePeriodSeconds=60&dryRun=All');
    expect(deleteOptionsOf(query, { gracePeriodSeconds: 5 })).toMatchObject({ gracePeriodSeconds: 5, dryRun: false });
    expect(deleteOptionsOf(query, undefined)).toMatchObject({ gracePeriodSeconds: 60, dryRun: true });
  });

  it('treats a negative grace period as 1 second', () => {
    expect(deleteOptionsOf(new URLSearchParams('gracePeriodSeconds=-5'), undefined).gracePeriodSeconds).toBe(1);
    expect(deleteOptionsOf(new URLSearchParams(), { gracePeriodSeconds: -1 }).gracePeriodSeconds).toBe(1);
  });

  it('refuses what does not parse (400) and unknown policies or dry-run values (422)', () => {
    expect(() => deleteOptionsOf(new URLSearchParams('gracePeriodSeconds=soon'), undefined)).toThrow(
      expect.objectContaining({ code: 400, message: 'strconv.ParseInt: parsing "soon": invalid syntax' }),
    );
    expect(() => deleteOptionsOf(new URLSearchParams(), { gracePeriodSeconds: '5' })).toThrow(
      expect.objectContaining({ code: 400, message: 'json: cannot unmarshal string into Go struct field DeleteOptions.gracePeriodSeconds of type int64' }),
    );
    expect(() => deleteOptionsOf(new URLSearchParams('propagationPolicy=Eventually'), undefined)).toThrow(
      invalid('DeleteOptions', {
        field: 'propagationPolicy',
        message: 'Unsupported value: "Eventually": supported values: "Foreground", "Background", "Orphan", "nil"',
      }),
    );
    expect(() => deleteOptionsOf(new URLSearchParams(), { orphanDependents: true, propagationPolicy: 'Orphan' })).toThrow(
      'orphanDependents and deletionPropagation cannot be both set',
    );
    expect(() => deleteOptionsOf(new URLSearchParams('dryRun=true'), undefined)).toThrow(
      invalid('DeleteOptions', { field: 'dryRun', message: 'Unsupported value: []string{"true"}: supported values: "All"' }),
    );
    expect(deleteOptionsOf(new URLSearchParams('propagationPolicy=Foreground'), undefined).propagationPolicy).toBe('Foreground');
  });
});

describe('Create, Update and PatchOptions', () => {
  it('reads dryRun=All and refuses other dryRun or fieldValidation values', () => {
    expect(writeOptionsOf(new URLSearchParams('dryRun=All&fieldValidation=Strict&fieldManager=kubectl'), 'CreateOptions')).toEqual({ dryRun: true });
    expect(writeOptionsOf(new URLSearchParams(), 'UpdateOptions')).toEqual({ dryRun: false });
    expect(() => writeOptionsOf(new URLSearchParams('dryRun=All&dryRun=Some'), 'PatchOptions')).toThrow(
      'PatchOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"All", "Some"}: supported values: "All"',
    );
    expect(() => writeOptionsOf(new URLSearchParams('fieldValidation=Loose'), 'CreateOptions')).toThrow(
      invalid('CreateOptions', { field: 'fieldValidation', message: 'Unsupported value: "Loose": supported values: "", "Ignore", "Strict", "Warn"' }),
    );
  });
});
