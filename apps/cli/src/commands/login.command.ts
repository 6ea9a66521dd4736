import type { Command } from 'commander';
import { HttpClient } from '../api/http-client';
import { MaestroApi } from '../api/maestro-api';
import { readConfig, withContext, writeConfig } from '../config/config-file';
import { defaultRoomsUrl, LOCAL_URL } from '../config/target';
import { ApiError, CliError, isNotFound, UsageError } from '../errors';
import { renderTable } from '../output/table';
import type { Session } from '../session';

interface LoginOptions {
  url?: string;
  token?: string;
  roomsUrl?: string;
  name?: string;
}

/** Who the token is, per the API: `GET /tokens/current`, or nothing on an API without tokens. */
async function whoAmI(api: MaestroApi): Promise<string> {
  try {
    const { token } = await api.currentToken();
    return `as ${token.name} (${token.role})`;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  await api.listSchedulers();
  return '(this API does not check tokens)';
}

export function registerLogin(program: Command, session: Session): void {
  program
    .command('login')
    .description('check a URL and token against the API and save them as a context (the current one)')
    .option('--url <url>', 'management API URL', LOCAL_URL)
    .option('--token <token>', 'API token (default: MAESTRO_TOKEN, else the local .maestro/admin-token)')
    .option('--rooms-url <url>', 'rooms API URL (default: the management port minus 10)')
    .option('--name <context>', 'context name (default: the URL host and port)')
    .addHelpText('after', '\nExamples:\n  maestro login\n  maestro login --url https://maestro.example.com --token "$TOKEN" --name prod')
    .action(async (options: LoginOptions) => {
      const url = options.url ?? LOCAL_URL;
      let host: string;
      try {
        host = new URL(url).host;
      } catch {
        throw new UsageError(`invalid URL ${url}`);
      }
      const local = session.target();
      const token = options.token ?? session.io.env.MAESTRO_TOKEN ?? (url === LOCAL_URL ? local.token : undefined);
      const context = { name: options.name ?? host, url, roomsUrl: options.roomsUrl ?? defaultRoomsUrl(url), ...(token ? { token } : {}) };
      let identity: string;
      try {
        identity = await whoAmI(new MaestroApi(new HttpClient(context, session.io.fetch)));
      } catch (error) {
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) throw new CliError(`login refused by ${url}: ${error.message}`);
        throw error;
      }
      writeConfig(session.configFile, withContext(readConfig(session.configFile), context));
      session.print(`logged in to ${url} ${identity}; context ${context.name} saved in ${session.configFile}`);
    });

  const contexts = program
    .command('context')
    .description('list the saved contexts or choose the current one')
    .addHelpText('after', '\nExamples:\n  maestro context list\n  maestro context use prod');
  contexts
    .command('list')
    .description('list the saved contexts')
    .addHelpText('after', '\nExample:\n  maestro context list')
    .action(() => {
      const config = readConfig(session.configFile);
      const rows = config.contexts.map((c) => [c.name === config.currentContext ? '*' : '', c.name, c.url, c.roomsUrl ?? '', c.token ? 'yes' : 'no']);
      session.print(renderTable(['current', 'name', 'url', 'rooms url', 'token'], rows));
    });
  contexts
    .command('use')
    .description('make a saved context the current one')
    .argument('<name>', 'the context')
    .addHelpText('after', '\nExample:\n  maestro context use prod')
    .action((name: string) => {
      const config = readConfig(session.configFile);
      const context = config.contexts.find((c) => c.name === name);
      if (!context) throw new UsageError(`no context named ${name}`);
      writeConfig(session.configFile, withContext(config, context));
      session.print(`current context: ${name}`);
    });
}
