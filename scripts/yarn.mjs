#!/usr/bin/env node
/*
 * Runs the Yarn release committed in .yarn/releases, so that nothing but Node
 * and npm is needed on the machine. Yarn does not read npm's configuration, so
 * the registry (and, where npm is set up to build native addons against local
 * headers, `nodedir`) is taken from npm and handed to Yarn and node-gyp.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const yarnPath = readFileSync(resolve(root, '.yarnrc.yml'), 'utf8').match(
  /^yarnPath:\s*(.+)$/m,
)[1];

function npmConfig(key) {
  try {
    // Run outside the workspace: npm refuses some commands inside a Yarn one.
    const value = execFileSync('npm', ['config', 'get', key], {
      cwd: '/',
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return value && value !== 'undefined' && value !== 'null'
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

const env = { ...process.env };
if (!env.YARN_NPM_REGISTRY_SERVER) {
  const registry = npmConfig('registry');
  if (registry) env.YARN_NPM_REGISTRY_SERVER = registry.replace(/\/+$/, '');
}
if (!env.npm_config_nodedir) {
  const nodedir = npmConfig('nodedir');
  if (nodedir) env.npm_config_nodedir = nodedir;
}

const result = spawnSync(
  process.execPath,
  [resolve(root, yarnPath), ...process.argv.slice(2)],
  { cwd: process.cwd(), env, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
