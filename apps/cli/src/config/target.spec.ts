import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors';
import { configPath, readConfig, withContext, writeConfig } from './config-file';
import { defaultRoomsUrl, findAdminToken, resolveTarget } from './target';

describe('contexts and the target of requests', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'maestro-cli-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const config = {
    currentContext: 'prod',
    contexts: [
      { name: 'prod', url: 'https://maestro.example.com', token: 'prod-token' },
      { name: 'dev', url: 'http://dev:9090' },
    ],
  };

  it('puts the file under XDG_CONFIG_HOME, else ~/.config', () => {
    expect(configPath({ XDG_CONFIG_HOME: '/x' })).toBe('/x/maestro/config.yaml');
    expect(configPath({ HOME: '/home/op' })).toBe('/home/op/.config/maestro/config.yaml');
  });

  it('writes the file readable by its owner only and reads it back', () => {
    const file = path.join(dir, 'maestro', 'config.yaml');
    writeConfig(file, withContext({ contexts: [] }, { name: 'a', url: 'http://a', token: 't' }));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readConfig(file)).toEqual({ currentContext: 'a', contexts: [{ name: 'a', url: 'http://a', token: 't' }] });
    expect(readConfig(path.join(dir, 'none.yaml'))).toEqual({ contexts: [] });
  });

  it('replaces a context of the same name and makes it current', () => {
    expect(withContext(config, { name: 'dev', url: 'http://new' })).toEqual({
      currentContext: 'dev',
      contexts: [config.contexts[0], { name: 'dev', url: 'http://new' }],
    });
  });

  it('uses the current context, or the one named by --context', () => {
    expect(resolveTarget({ config, env: {}, tokenSearchFrom: [] })).toEqual({
      url: 'https://maestro.example.com',
      roomsUrl: 'https://maestro.example.com',
      token: 'prod-token',
      context: 'prod',
    });
    expect(resolveTarget({ config, env: {}, contextName: 'dev', tokenSearchFrom: [] })).toEqual({
      url: 'http://dev:9090',
      roomsUrl: 'http://dev:9080',
      token: undefined,
      context: 'dev',
    });
    expect(() => resolveTarget({ config, env: {}, contextName: 'nope', tokenSearchFrom: [] })).toThrow(UsageError);
  });

  it('lets MAESTRO_URL, MAESTRO_ROOMS_URL and MAESTRO_TOKEN override the context', () => {
    const env = { MAESTRO_URL: 'http://other:18080', MAESTRO_TOKEN: 'env-token' };
    expect(resolveTarget({ config, env, tokenSearchFrom: [] })).toMatchObject({
      url: 'http://other:18080',
      roomsUrl: 'http://other:18070',
      token: 'env-token',
    });
    expect(resolveTarget({ config, env: { ...env, MAESTRO_ROOMS_URL: 'http://rooms' }, tokenSearchFrom: [] }).roomsUrl).toBe('http://rooms');
  });

  it('without context nor variables, targets the local npm start with its admin token, found from a subfolder', () => {
    mkdirSync(path.join(dir, '.maestro'));
    writeFileSync(path.join(dir, '.maestro', 'admin-token'), 'admin-123\n');
    mkdirSync(path.join(dir, 'examples'));
    expect(resolveTarget({ config: { contexts: [] }, env: {}, tokenSearchFrom: [path.join(dir, 'examples')] })).toEqual({
      url: 'http://127.0.0.1:8080',
      roomsUrl: 'http://127.0.0.1:8070',
      token: 'admin-123',
      context: undefined,
    });
    expect(findAdminToken([path.join(tmpdir(), 'nowhere-maestro')])).toBeUndefined();
  });

  it("follows the ports a local npm start was given (start.mjs's variables)", () => {
    expect(resolveTarget({ config: { contexts: [] }, env: { MANAGEMENT_API_PORT: '9080', ROOMS_API_PORT: '9070' }, tokenSearchFrom: [] })).toMatchObject({
      url: 'http://127.0.0.1:9080',
      roomsUrl: 'http://127.0.0.1:9070',
    });
    expect(resolveTarget({ config, env: { MANAGEMENT_API_PORT: '9080' }, tokenSearchFrom: [] }).url).toBe('https://maestro.example.com');
  });

  it('derives the rooms API from the management port', () => {
    expect(defaultRoomsUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8070');
    expect(defaultRoomsUrl('https://maestro.example.com')).toBe('https://maestro.example.com');
    expect(() => defaultRoomsUrl('not a url')).toThrow(UsageError);
  });
});
