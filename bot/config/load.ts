/**
 * Loading the configuration at start-up: CENTINELA_CONFIG (default ./centinela.yaml), or the
 * built-in demo when no file exists and none was asked for. Never prints; the caller decides.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { DEMO_CONFIG } from './demo.js';
import type { Config } from './schema.js';
import { parseConfigText } from './validate.js';

export const CONFIG_ENV_VAR = 'CENTINELA_CONFIG';
export const DEFAULT_CONFIG_PATH = './centinela.yaml';
/** Variables that set `http.port` without a config file; the first one set wins. */
export const PORT_ENV_VARS = ['CENTINELA_PORT', 'PORT'] as const;

export type LoadResult =
  { ok: true; config: Config; source: 'file' | 'demo'; path?: string } | { ok: false; errors: string[]; path?: string };

/** How to name the file in messages: relative to cwd when inside it, else absolute. */
function displayName(absPath: string, cwd: string): string {
  const rel = relative(cwd, absPath);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absPath;
}

/**
 * Reads CENTINELA_CONFIG (default './centinela.yaml', resolved against `cwd`). If that file does
 * not exist and the variable was not set (or is empty), returns the built-in demo (a fresh copy,
 * source 'demo'). If the variable is set and the file is missing, that is an error.
 * `path` in the result is the absolute path of the file read (or looked for).
 * CENTINELA_PORT or PORT, when set, replaces `http.port`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): LoadResult {
  const fromEnv = env[CONFIG_ENV_VAR]?.trim();
  const requested = fromEnv !== undefined && fromEnv !== '';
  const absPath = resolve(cwd, requested ? fromEnv : DEFAULT_CONFIG_PATH);
  const name = displayName(absPath, cwd);

  let isFile: boolean;
  try {
    isFile = statSync(absPath).isFile();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') {
      if (!requested) return withEnvPort({ ok: true, config: structuredClone(DEMO_CONFIG), source: 'demo' }, env);
      return { ok: false, errors: [`${CONFIG_ENV_VAR}: config file not found: ${absPath}`], path: absPath };
    }
    return { ok: false, errors: [`${name}: cannot read the file (${(err as Error).message})`], path: absPath };
  }
  if (!isFile) {
    return { ok: false, errors: [`${name}: not a file`], path: absPath };
  }

  let text: string;
  try {
    text = readFileSync(absPath, 'utf8');
  } catch (err) {
    return { ok: false, errors: [`${name}: cannot read the file (${(err as Error).message})`], path: absPath };
  }

  const parsed = parseConfigText(text, name);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, path: absPath };
  return withEnvPort({ ok: true, config: parsed.config, source: 'file', path: absPath }, env);
}

/**
 * Applies CENTINELA_PORT or PORT (in that order) over `http.port`, so a container platform or an
 * admin can move the port without writing a config. A value that is not a port is an error
 * naming the variable.
 */
function withEnvPort(result: LoadResult & { ok: true }, env: NodeJS.ProcessEnv): LoadResult {
  const name = PORT_ENV_VARS.find((v) => (env[v]?.trim() ?? '') !== '');
  if (!name) return result;
  const raw = env[name]!.trim();
  const port = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(port >= 1 && port <= 65535)) {
    return {
      ok: false,
      errors: [`${name}: expected a whole number from 1 to 65535, got ${JSON.stringify(raw)}`],
      ...(result.path ? { path: result.path } : {}),
    };
  }
  result.config.http.port = port;
  return result;
}
