#!/usr/bin/env node
/*
 * Adopter smoke test: proves the packages work outside the monorepo, as an
 * adopter would get them from the registry.
 *
 *  1. copies the tracked files of the repository to a temporary directory
 *     (node_modules as hard links), so that the checkout is never touched;
 *  2. type-checks there (declarations for the packages' types), builds every
 *     published package under plugins/ with `backstage-cli package build`
 *     and packs it with `yarn pack` (prepack rewrites package.json,
 *     `workspace:^` becomes a version range);
 *  3. installs the tarballs with npm into a standalone project
 *     (adopter-smoke/app: a backend with auth, catalog, permission, the User
 *     Trust catalog module and backend; a frontend file) together with the
 *     `@backstage/*` versions the monorepo pins, and checks that there is one
 *     copy of each `@backstage/*` and `@user-trust/*` package;
 *  4. compiles the backend with tsc, starts it on SQLite (and on PostgreSQL
 *     when one is configured or answers on 127.0.0.1:5432), ingests signals
 *     with a static token restricted to `user-trust.signal.create`, and reads
 *     them back as a signed-in user over HTTP;
 *  5. type-checks a file importing every frontend export the README names.
 *
 * Exits non-zero on any failure; stops every process it started; prints
 * timings. Environment:
 *   ADOPTER_SMOKE_KEEP=1       keep the temporary directory
 *   ADOPTER_SMOKE_TIMEOUT_MINUTES=25  give up (and stop everything) after
 *   ADOPTER_SMOKE_SOURCE=rev   pack a commit (git archive) instead of the
 *     working tree
 *   ADOPTER_SMOKE_TARBALLS=dir use the tarballs of an earlier run (its
 *     tarballs/ folder) instead of building and packing
 *   ADOPTER_SMOKE_POSTGRES=... PostgreSQL connection string (else
 *     BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING; either makes the
 *     PostgreSQL run mandatory; without both it runs when 127.0.0.1:5432
 *     answers); ADOPTER_SMOKE_POSTGRES=off skips it.
 */

import { spawn, execFileSync } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const work = mkdtempSync(join(tmpdir(), 'user-trust-adopter-'));
const stage = join(work, 'repo');
const tarballs = join(work, 'tarballs');
// The adopter's project (1.2 GB of node_modules) in memory when there is
// room: npm install and the clean-up are much faster on tmpfs.
const appParent = (() => {
  try {
    const { bavail, bsize } = statfsSync('/dev/shm');
    if (bavail * bsize > 6 * 1024 ** 3) {
      return mkdtempSync(join('/dev/shm', 'user-trust-adopter-'));
    }
  } catch {
    // no /dev/shm
  }
  return work;
})();
const app = join(appParent, 'adopter');
const keep = process.env.ADOPTER_SMOKE_KEEP === '1';

const started = Date.now();
const timings = [];
const children = new Set();

const log = msg => console.log(`[adopter-smoke] ${msg}`);
const seconds = ms => `${(ms / 1000).toFixed(1)} s`;

class SmokeError extends Error {}
function fail(msg) {
  throw new SmokeError(msg);
}
function check(condition, msg) {
  if (!condition) fail(msg);
}

async function phase(name, fn) {
  const t0 = Date.now();
  log(`--- ${name}`);
  try {
    return await fn();
  } finally {
    timings.push([name, Date.now() - t0]);
    log(`    ${name}: ${seconds(Date.now() - t0)}`);
  }
}

/** Kills a child's whole process group (it was spawned detached). */
function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function cleanupChildren() {
  for (const child of children) killGroup(child, 'SIGKILL');
  children.clear();
}
process.on('exit', cleanupChildren);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    cleanupChildren();
    process.exit(130);
  });
}

/** Runs a command; its output goes to a log file, shown on failure. */
function run(cmd, args, { cwd, env, logName, allowFail = false } = {}) {
  const logFile = join(work, `${logName ?? cmd.split('/').pop()}.log`);
  return new Promise((resolvePromise, reject) => {
    const out = createWriteStream(logFile, { flags: 'a' });
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    children.add(child);
    let output = '';
    const collect = chunk => {
      out.write(chunk);
      output += chunk;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', code => {
      children.delete(child);
      out.end();
      if (code === 0 || allowFail) {
        resolvePromise({ code, output });
      } else {
        console.error(tail(output, 80));
        reject(
          new SmokeError(
            `${cmd} ${args.join(
              ' ',
            )} (in ${cwd}) exited with ${code}; log: ${logFile}`,
          ),
        );
      }
    });
  });
}

function tail(text, lines) {
  return text.split('\n').slice(-lines).join('\n');
}

const yarn = (args, opts) =>
  run(process.execPath, [join(stage, 'scripts/yarn.mjs'), ...args], {
    logName: 'yarn',
    ...opts,
  });

// ---------------------------------------------------------------------------
// 1. Stage a copy of the repository

function stageRepository() {
  mkdirSync(stage, { recursive: true });
  const rev = process.env.ADOPTER_SMOKE_SOURCE;
  let files;
  if (rev) {
    // A commit instead of the working tree (which others may be editing).
    execFileSync('sh', [
      '-c',
      `git -C "$0" archive "$1" | tar -x -C "$2"`,
      repo,
      rev,
      stage,
    ]);
  } else
    try {
      // Tracked and new files, as they are in the working tree.
      files = execFileSync(
        'git',
        ['ls-files', '-z', '-co', '--exclude-standard'],
        {
          cwd: repo,
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        },
      )
        .split('\0')
        .filter(f => f && existsSync(join(repo, f)));
    } catch {
      files = undefined; // not a git checkout: copy the tree
    }
  if (rev) {
    // copied above
  } else if (files) {
    const list = join(work, 'files.txt');
    writeFileSync(list, files.join('\0'));
    execFileSync('rsync', [
      '-a',
      '--from0',
      `--files-from=${list}`,
      `${repo}/`,
      `${stage}/`,
    ]);
  } else {
    execFileSync('rsync', [
      '-a',
      ...[
        'node_modules',
        '.git',
        'dist',
        'dist-types',
        '.dev-data',
        'adopter-smoke',
      ].flatMap(e => ['--exclude', e]),
      `${repo}/`,
      `${stage}/`,
    ]);
  }
  // A workspace added since the last install is not part of it: leave it out.
  for (const name of readdirSync(join(stage, 'plugins'))) {
    const manifest = join(stage, 'plugins', name, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkgName = JSON.parse(readFileSync(manifest, 'utf8')).name;
    if (!existsSync(join(repo, 'node_modules', pkgName))) {
      log(`    ${pkgName} is not installed (run yarn install), left out`);
      rmSync(join(stage, 'plugins', name), { recursive: true, force: true });
    }
  }
  // The install, as hard links (no copy of 1.6 GB; nothing here writes to it).
  cpSync(
    join(repo, '.yarn/install-state.gz'),
    join(stage, '.yarn/install-state.gz'),
  );
  const nodeModules = ['node_modules'];
  for (const dir of ['packages', 'plugins']) {
    for (const name of readdirSync(join(stage, dir))) {
      if (existsSync(join(repo, dir, name, 'node_modules'))) {
        nodeModules.push(join(dir, name, 'node_modules'));
      }
    }
  }
  for (const dir of nodeModules) {
    execFileSync('cp', ['-al', join(repo, dir), join(stage, dir)]);
  }
}

function publishedPackages() {
  return readdirSync(join(stage, 'plugins'))
    .filter(name => existsSync(join(stage, 'plugins', name, 'package.json')))
    .map(name => {
      const dir = join(stage, 'plugins', name);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      return { dir, pkg };
    })
    .filter(({ pkg }) => !pkg.private)
    .sort((a, b) => a.pkg.name.localeCompare(b.pkg.name));
}

// ---------------------------------------------------------------------------
// 2. Build and pack

async function buildAll(packages) {
  const cli = join(stage, 'node_modules/.bin/backstage-cli');
  for (const { dir, pkg } of packages) {
    const t0 = Date.now();
    await run(cli, ['package', 'build'], { cwd: dir, logName: 'build' });
    log(`    built ${pkg.name} (${seconds(Date.now() - t0)})`);
  }
}

const tarballName = pkg =>
  `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`;

async function packAll(packages) {
  mkdirSync(tarballs, { recursive: true });
  // Two at a time: most of a pack is Yarn and backstage-cli starting up.
  const queue = [...packages];
  const result = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { dir, pkg } = next;
      const file = join(tarballs, tarballName(pkg));
      await yarn(['pack', '--out', file], { cwd: dir, logName: 'pack' });
      result.push({ name: pkg.name, version: pkg.version, file });
    }
  };
  await Promise.all([worker(), worker()]);
  return result.sort((a, b) => a.name.localeCompare(b.name));
}

/** What the registry would get: no workspace ranges, entry points present. */
function inspectTarball({ name, file }) {
  const listing = new Set(
    execFileSync('tar', ['-tzf', file], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(p => p.replace(/^package\//, '')),
  );
  const manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', file, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  for (const field of [
    'dependencies',
    'peerDependencies',
    'optionalDependencies',
  ]) {
    for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
      check(
        !/^(workspace|link|file|portal):/.test(range),
        `${name}: ${field}.${dep} is "${range}" in the packed package.json`,
      );
    }
  }
  const entries = [manifest.main, manifest.module, manifest.types];
  const walk = value => {
    if (typeof value === 'string') entries.push(value);
    else if (value && typeof value === 'object') {
      // `backstage` names the feature type, not a file.
      Object.entries(value)
        .filter(([key]) => key !== 'backstage')
        .forEach(([, v]) => walk(v));
    }
  };
  walk(manifest.exports);
  for (const map of Object.values(manifest.typesVersions ?? {})) walk(map);
  for (const entry of entries.filter(Boolean)) {
    const path = entry.replace(/^\.\//, '');
    check(
      listing.has(path) || path === 'package.json',
      `${name}: entry point ${entry} is not in the tarball`,
    );
    check(
      !/^src\//.test(path),
      `${name}: entry point ${entry} points at sources`,
    );
  }
  if (manifest.configSchema) {
    check(
      listing.has(manifest.configSchema),
      `${name}: configSchema ${manifest.configSchema} is not in the tarball`,
    );
  }
  return manifest;
}

// ---------------------------------------------------------------------------
// 3. The adopter's project

function writeAdopterProject(packed) {
  cpSync(join(here, 'app'), app, { recursive: true });
  writeReadmeExports();
  const root = JSON.parse(readFileSync(join(stage, 'package.json'), 'utf8'));
  const backendPkg = JSON.parse(
    readFileSync(join(stage, 'packages/backend/package.json'), 'utf8'),
  );
  const frontendPkg = JSON.parse(
    readFileSync(join(stage, 'plugins/user-trust/package.json'), 'utf8'),
  );
  const pins = Object.fromEntries(
    Object.entries(root.resolutions).filter(([name]) =>
      name.startsWith('@backstage/'),
    ),
  );
  const pinned = name => {
    check(pins[name], `${name} is not pinned in the root resolutions`);
    return pins[name];
  };
  const backstage = [
    '@backstage/backend-defaults',
    '@backstage/backend-plugin-api',
    '@backstage/plugin-auth-backend',
    '@backstage/plugin-auth-backend-module-guest-provider',
    '@backstage/plugin-catalog-backend',
    '@backstage/plugin-permission-backend',
    '@backstage/plugin-permission-common',
    '@backstage/plugin-permission-node',
    '@backstage/core-plugin-api',
    '@backstage/frontend-plugin-api',
  ];
  const dependencies = {
    ...Object.fromEntries(backstage.map(name => [name, pinned(name)])),
    ...Object.fromEntries(
      packed.map(({ name, file }) => [
        name,
        `file:${join(app, 'tarballs', file.split('/').pop())}`,
      ]),
    ),
    'better-sqlite3': backendPkg.dependencies['better-sqlite3'],
    pg: backendPkg.dependencies.pg,
    react: frontendPkg.devDependencies.react,
    'react-dom': frontendPkg.devDependencies['react-dom'],
    'react-router-dom': frontendPkg.devDependencies['react-router-dom'],
  };
  const devDependencies = {
    typescript: root.devDependencies.typescript,
    '@types/node': `^${process.versions.node.split('.')[0]}`,
    '@types/react': root.resolutions['@types/react'],
    '@types/react-dom': root.resolutions['@types/react-dom'],
  };
  // One copy of each @backstage package, at the release line's versions
  // (an adopter's lockfile on the same Backstage release has the same).
  // And one copy of React's types, as Backstage's app template resolves them
  // (Material UI 4 would otherwise pull in @types/react 17 beside 18).
  const overrides = {
    ...pins,
    '@types/react': root.resolutions['@types/react'],
    '@types/react-dom': root.resolutions['@types/react-dom'],
  };
  for (const name of Object.keys(dependencies)) {
    if (overrides[name]) overrides[name] = `$${name}`;
  }
  mkdirSync(join(app, 'tarballs'), { recursive: true });
  for (const { file } of packed) {
    cpSync(file, join(app, 'tarballs', file.split('/').pop()));
  }
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify(
      {
        name: 'user-trust-adopter-smoke',
        version: '0.0.0',
        private: true,
        dependencies,
        devDependencies,
        overrides,
        // The native SQLite driver builds on install; nothing else needs to.
        allowScripts: {
          'better-sqlite3': true,
          'core-js': false,
          protobufjs: false,
        },
      },
      null,
      2,
    )}\n`,
  );
}

/**
 * The frontend exports the README names (the frontend row of the
 * Architecture table and the components of "Add it to your Backstage app"),
 * imported from the packed package: src/readme-exports.ts, type-checked
 * with src/frontend.tsx, so that README and package cannot drift apart.
 */
function writeReadmeExports() {
  const readme = readFileSync(join(stage, 'README.md'), 'utf8');
  const names = new Set();
  const row = readme
    .split('\n')
    .find(line => line.startsWith('| `plugins/user-trust` '));
  check(row, 'README: no Architecture row for plugins/user-trust');
  for (const [, name] of row.matchAll(/`([A-Z][A-Za-z0-9]*)`/g)) {
    names.add(name);
  }
  const start = readme.indexOf('\n## Add it to your Backstage app');
  check(start >= 0, 'README: no section "Add it to your Backstage app"');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  for (const [, name] of section.matchAll(/<([A-Z][A-Za-z0-9]*)[\s/]/g)) {
    if (!['Route', 'EntityLayout'].includes(name)) names.add(name);
  }
  check(
    section.includes(
      "import userTrustPlugin from '@user-trust/plugin-user-trust/alpha'",
    ),
    'README: the section no longer shows the /alpha import',
  );
  const list = [...names].sort();
  writeFileSync(
    join(app, 'src/readme-exports.ts'),
    `// Generated by adopter-smoke/run.mjs from README.md.\n` +
      `import userTrustPlugin from '@user-trust/plugin-user-trust/alpha';\n` +
      `import {\n${list
        .map(n => `  ${n},\n`)
        .join('')}} from '@user-trust/plugin-user-trust';\n\n` +
      `export const readmeNamed = [\n  userTrustPlugin,\n${list
        .map(n => `  ${n},\n`)
        .join('')}];\n`,
  );
  log(`    README names: ${list.join(', ')}, /alpha default`);
}

/** Packages beside @backstage/* and @user-trust/* that need one copy. */
const ONE_COPY = [
  'react',
  'react-dom',
  'react-router-dom',
  '@types/react',
  '@types/react-dom',
];

/** Every installed copy of the packages that must be installed once. */
function installedCopies() {
  const copies = new Map();
  const visit = nodeModules => {
    if (!existsSync(nodeModules)) return;
    for (const entry of readdirSync(nodeModules)) {
      if (entry.startsWith('.')) continue;
      const names = entry.startsWith('@')
        ? readdirSync(join(nodeModules, entry)).map(n => `${entry}/${n}`)
        : [entry];
      for (const name of names) {
        const dir = join(nodeModules, name);
        if (
          /^@(backstage|user-trust)\//.test(name) ||
          ONE_COPY.includes(name)
        ) {
          let version = '?';
          try {
            version = JSON.parse(
              readFileSync(join(dir, 'package.json'), 'utf8'),
            ).version;
          } catch {
            // not a package
          }
          copies.set(name, [...(copies.get(name) ?? []), { dir, version }]);
        }
        visit(join(dir, 'node_modules'));
      }
    }
  };
  visit(join(app, 'node_modules'));
  return copies;
}

function checkInstall(packed) {
  const copies = installedCopies();
  const duplicated = [...copies].filter(([, list]) => list.length > 1);
  for (const [name, list] of duplicated) {
    console.error(
      `${name}: ${list
        .map(c => `${c.version} at ${c.dir.slice(app.length + 1)}`)
        .join(', ')}`,
    );
  }
  check(
    duplicated.length === 0,
    `${duplicated.length} package(s) installed more than once`,
  );
  const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8'));
  for (const { name, version } of packed) {
    const entry = lock.packages[`node_modules/${name}`];
    check(entry, `${name} is not installed`);
    check(
      entry.version === version && /^file:/.test(entry.resolved ?? ''),
      `${name} resolved to ${entry.version} ${entry.resolved}, not the packed tarball`,
    );
  }
  const backstageCount = [...copies.keys()].filter(n =>
    n.startsWith('@backstage/'),
  ).length;
  log(
    `    one copy each of ${backstageCount} @backstage/*, ${
      packed.length
    } @user-trust/* packages and ${ONE_COPY.join(', ')}`,
  );
  const bsqlite = JSON.parse(
    readFileSync(join(app, 'node_modules/better-sqlite3/package.json'), 'utf8'),
  ).version;
  check(
    bsqlite.startsWith('12.'),
    `better-sqlite3 ${bsqlite} installed, need 12`,
  );
}

/**
 * tsc with library checking on; errors count in the adopter's files and in
 * the packed packages, and are listed (not failed) elsewhere.
 */
async function typeCheck(project, label) {
  const { code, output } = await run(
    join(app, 'node_modules/.bin/tsc'),
    ['-p', project, '--pretty', 'false'],
    { cwd: app, logName: `tsc-${label}`, allowFail: true },
  );
  if (code === 0) return;
  const errors = output.split('\n').filter(l => /error TS\d+/.test(l));
  const ours = errors.filter(
    l => l.startsWith('src/') || l.includes('node_modules/@user-trust/'),
  );
  if (ours.length > 0 || errors.length === 0) {
    console.error(tail(output, 80));
    fail(`${label}: tsc found ${ours.length || 'unparsed'} error(s)`);
  }
  log(
    `    ${label}: ${errors.length} error(s) in third-party declarations only, e.g. ${errors[0]}`,
  );
}

// ---------------------------------------------------------------------------
// 4. The backend, over HTTP

function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

function tcpAnswers(host, port) {
  return new Promise(resolvePromise => {
    const socket = connect({ host, port });
    const done = ok => {
      socket.destroy();
      resolvePromise(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('connect', () => done(true));
    socket.on('error', () => done(false));
  });
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

async function http(base, method, path, { token, body } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

function expectStatus(res, status, what) {
  check(
    res.status === status,
    `${what}: expected ${status}, got ${res.status} ${res.text.slice(0, 500)}`,
  );
  return res.json;
}

async function startBackend(label, configs) {
  const port = await freePort();
  const token = randomBytes(24).toString('hex');
  const logFile = join(work, `backend-${label}.log`);
  const out = createWriteStream(logFile);
  const child = spawn(
    process.execPath,
    ['dist/index.js', ...configs.flatMap(c => ['--config', c])],
    {
      cwd: app,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        SMOKE_PORT: String(port),
        SMOKE_INGEST_TOKEN: token,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  children.add(child);
  let output = '';
  const exited = new Promise(r =>
    child.on('close', (code, signal) => r({ code, signal })),
  );
  let exitedWith;
  exited.then(e => {
    exitedWith = e;
    children.delete(child);
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', chunk => {
      out.write(chunk);
      output += chunk;
    });
  }
  const backend = {
    base: `http://127.0.0.1:${port}`,
    token,
    logFile,
    output: () => output,
    async stop() {
      if (exitedWith) return exitedWith;
      killGroup(child, 'SIGTERM');
      const result = await Promise.race([exited, sleep(15000)]);
      if (!result) {
        log(`    ${label}: no exit 15 s after SIGTERM, killing`);
        killGroup(child, 'SIGKILL');
        await exited;
      }
      out.end();
      return exitedWith;
    },
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exitedWith) {
      console.error(tail(output, 60));
      fail(
        `${label}: the backend exited (${JSON.stringify(
          exitedWith,
        )}) before it was ready; log: ${logFile}`,
      );
    }
    try {
      const res = await fetch(`${backend.base}/.backstage/health/v1/readiness`);
      if (res.status === 200) break;
    } catch {
      // port not open yet
    }
    if (Date.now() > deadline) {
      await backend.stop();
      console.error(tail(output, 60));
      fail(`${label}: not ready after 120 s; log: ${logFile}`);
    }
    await sleep(250);
  }
  return backend;
}

async function guestToken(base) {
  const res = await http(base, 'GET', '/api/auth/guest/refresh');
  const body = expectStatus(res, 200, 'guest sign-in');
  check(body?.backstageIdentity?.token, 'guest sign-in gave no token');
  return body.backstageIdentity.token;
}

async function exercise(label, backend) {
  const { base, token } = backend;
  const entityPath = 'component/default/smoke-service';

  // The catalog has read catalog.yaml (entity and the signed-in user).
  let user = await guestToken(base);
  const deadline = Date.now() + 90_000;
  for (;;) {
    const [entity, reader] = await Promise.all([
      http(base, 'GET', `/api/catalog/entities/by-name/${entityPath}`, {
        token: user,
      }),
      http(
        base,
        'GET',
        '/api/catalog/entities/by-name/user/default/sam.reader',
        {
          token: user,
        },
      ),
    ]);
    // The User Trust catalog module's relation from the field-role annotation.
    const related = entity.json?.relations?.some(
      r =>
        r.type === 'userTrustHasSupport' &&
        r.targetRef === 'user:default/sam.reader',
    );
    if (entity.status === 200 && reader.status === 200 && related) break;
    check(
      Date.now() < deadline,
      `${label}: after 90 s the catalog has not got catalog.yaml with the field-role relation (${
        entity.status
      } ${entity.text.slice(0, 600)})`,
    );
    await sleep(500);
  }
  user = await guestToken(base); // now with the user's catalog ownership

  const hourAgo = new Date(Date.now() - 3600_000).toISOString();
  const signals = [
    {
      source: 'adopter-smoke',
      externalId: 'case-1',
      kind: 'support_case',
      entityRef: 'component:default/smoke-service',
      occurredAt: hourAgo,
      severity: 'high',
      account: 'globex-retail',
    },
    ...[5, 2].map((value, i) => ({
      source: 'adopter-smoke',
      externalId: `csat-${i + 1}`,
      kind: 'csat_response',
      entityRef: 'component:default/smoke-service',
      occurredAt: hourAgo,
      value,
    })),
  ];

  const created = expectStatus(
    await http(base, 'POST', '/api/user-trust/signals', {
      token,
      body: { signals },
    }),
    200,
    `${label}: POST /signals with the ingestion token`,
  );
  check(
    created?.created === 3 && created.updated === 0 && created.unchanged === 0,
    `${label}: first batch answered ${JSON.stringify(created)}`,
  );
  const again = expectStatus(
    await http(base, 'POST', '/api/user-trust/signals', {
      token,
      body: { signals },
    }),
    200,
    `${label}: POST /signals again`,
  );
  check(
    again?.created === 0 && again.unchanged === 3,
    `${label}: the retried batch answered ${JSON.stringify(again)}`,
  );
  expectStatus(
    await http(base, 'POST', '/api/user-trust/signals', {
      token: user,
      body: { signals },
    }),
    403,
    `${label}: POST /signals by a user outside the platform group`,
  );
  expectStatus(
    await http(base, 'POST', '/api/user-trust/signals', {
      body: { signals },
    }),
    401,
    `${label}: POST /signals without credentials`,
  );

  const summary = expectStatus(
    await http(base, 'GET', `/api/user-trust/entities/${entityPath}/summary`, {
      token: user,
    }),
    200,
    `${label}: GET .../summary as a user`,
  );
  const week = summary?.windows?.find(w => w.window === '7d');
  check(
    week?.total === 3 &&
      week.byKind?.support_case === 1 &&
      week.byKind?.csat_response === 2,
    `${label}: summary does not count the signals: ${JSON.stringify(summary)}`,
  );

  const trust = expectStatus(
    await http(base, 'GET', `/api/user-trust/entities/${entityPath}/trust`, {
      token: user,
    }),
    200,
    `${label}: GET .../trust as a user`,
  );
  const csat = trust?.slos?.find(s => s.name === 'csat');
  check(
    csat && csat.attainment === 0.5,
    `${label}: the CSAT SLO does not count the two responses (one of two good): ${JSON.stringify(
      csat ?? trust,
    )}`,
  );

  const restrictedRead = await http(
    base,
    'GET',
    `/api/user-trust/entities/${entityPath}/trust`,
    { token },
  );
  check(
    restrictedRead.status >= 400,
    `${label}: the ingestion-only token could read trust (${restrictedRead.status})`,
  );

  expectStatus(
    await http(base, 'GET', '/api/user-trust/openapi.json', { token: user }),
    200,
    `${label}: GET /api/user-trust/openapi.json`,
  );

  log(
    `    ${label}: relation userTrustHasSupport from the catalog module; ingested 3 signals (retry unchanged; user 403, anonymous 401), summary 7d ${JSON.stringify(
      week.byKind,
    )}, CSAT attainment ${csat.attainment}, trust status ${
      trust.status
    }, ingestion token reading: ${restrictedRead.status}`,
  );
}

async function backendRun(label, configs) {
  const backend = await startBackend(label, configs);
  log(`    ${label}: ready at ${backend.base}`);
  try {
    await exercise(label, backend);
  } catch (e) {
    console.error(tail(backend.output(), 40));
    console.error(`backend log: ${backend.logFile}`);
    throw e;
  } finally {
    const exit = await backend.stop();
    log(`    ${label}: stopped (${JSON.stringify(exit)})`);
  }
  const errors = backend
    .output()
    .split('\n')
    .filter(l => /"level":"error"/.test(l));
  if (errors.length > 0) {
    console.error(errors.slice(0, 20).join('\n'));
    fail(`${label}: the backend logged ${errors.length} error(s)`);
  }
}

function postgresTarget() {
  const given =
    process.env.ADOPTER_SMOKE_POSTGRES ??
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (given === 'off') return undefined;
  const url = new URL(given || 'postgresql://postgres@127.0.0.1:5432');
  return {
    required: Boolean(given),
    connection: {
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username || 'postgres'),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    },
  };
}

async function postgresRun(target) {
  const prefix = `user_trust_adopter_${randomBytes(4).toString('hex')}_`;
  const config = join(app, 'app-config.postgres.yaml');
  // JSON is YAML; one database per plugin, all with a fresh prefix.
  writeFileSync(
    config,
    JSON.stringify({
      backend: {
        database: { client: 'pg', connection: target.connection, prefix },
      },
    }),
  );
  const { Client } = createRequire(join(app, 'package.json'))('pg');
  const admin = new Client({ ...target.connection, database: 'postgres' });
  await admin.connect();
  try {
    await backendRun('postgresql', ['app-config.yaml', config]);
  } finally {
    const { rows } = await admin.query(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}"`);
    }
    await admin.end();
    log(`    postgresql: dropped ${rows.map(r => r.datname).join(', ')}`);
  }
}

// ---------------------------------------------------------------------------

async function main() {
  log(`working in ${work}${appParent === work ? '' : ` and ${app}`}`);
  await phase('stage the repository', stageRepository);
  const packages = publishedPackages();
  check(packages.length > 0, 'no published packages under plugins/');
  log(`    packages: ${packages.map(p => p.pkg.name).join(', ')}`);
  const reuse = process.env.ADOPTER_SMOKE_TARBALLS;
  const packed = reuse
    ? packages
        .map(({ pkg }) => ({
          name: pkg.name,
          version: pkg.version,
          file: join(resolve(reuse), tarballName(pkg)),
        }))
        .filter(({ name, file }) => {
          if (existsSync(file)) return true;
          log(`    no tarball of ${name} in ${reuse}, left out`);
          return false;
        })
    : await buildAndPack(packages);
  await phase('inspect the tarballs', () => packed.forEach(inspectTarball));
  await adopt(packed);
}

async function buildAndPack(packages) {
  // The declarations the builds bundle. tsc writes them despite type errors,
  // which are the business of the repository's own type check (`yarn tsc`);
  // what matters here is whether the packed declarations work for an adopter.
  await phase('type declarations (tsc)', async () => {
    const { code, output } = await yarn(['tsc', '--pretty', 'false'], {
      cwd: stage,
      logName: 'tsc-repo',
      allowFail: true,
    });
    const errors = output.split('\n').filter(l => /error TS\d+/.test(l));
    if (code !== 0) {
      check(errors.length > 0, `tsc failed:\n${tail(output, 40)}`);
      log(
        `    warning: the repository has ${errors.length} type error(s), e.g. ${errors[0]}`,
      );
    }
  });
  await phase('build (backstage-cli package build)', () => buildAll(packages));
  return await phase('pack (yarn pack)', () => packAll(packages));
}

async function adopt(packed) {
  await phase('npm install the tarballs', async () => {
    writeAdopterProject(packed);
    await run('npm', ['install', '--no-audit', '--no-fund'], {
      cwd: app,
      logName: 'npm-install',
    });
    checkInstall(packed);
  });

  await phase('compile the backend (tsc)', async () => {
    await typeCheck('tsconfig.backend.json', 'backend');
    check(existsSync(join(app, 'dist/index.js')), 'backend not compiled');
  });

  await phase('backend on SQLite', () =>
    backendRun('sqlite', ['app-config.yaml']),
  );

  const pg = postgresTarget();
  if (pg) {
    const up = await tcpAnswers(pg.connection.host, pg.connection.port);
    if (up) {
      await phase('backend on PostgreSQL', () => postgresRun(pg));
    } else if (pg.required) {
      fail(
        `PostgreSQL at ${pg.connection.host}:${pg.connection.port} does not answer`,
      );
    } else {
      log('--- backend on PostgreSQL: skipped (nothing on 127.0.0.1:5432)');
    }
  }

  await phase('type-check the frontend exports (tsc)', () =>
    typeCheck('tsconfig.frontend.json', 'frontend'),
  );
}

let exitCode = 0;
const limitMinutes = Number(process.env.ADOPTER_SMOKE_TIMEOUT_MINUTES ?? 25);
const watchdog = setTimeout(() => {
  console.error(
    `\n[adopter-smoke] FAILED: not done after ${limitMinutes} minutes (ADOPTER_SMOKE_TIMEOUT_MINUTES); kept ${work}`,
  );
  cleanupChildren();
  process.exit(1);
}, limitMinutes * 60_000);
watchdog.unref();
try {
  await main();
} catch (e) {
  exitCode = 1;
  console.error(
    `\n[adopter-smoke] FAILED: ${
      e instanceof SmokeError ? e.message : e.stack
    }`,
  );
} finally {
  cleanupChildren();
  console.log('\n[adopter-smoke] timings');
  for (const [name, ms] of timings) {
    console.log(`  ${seconds(ms).padStart(8)}  ${name}`);
  }
  if (exitCode === 0 && !keep) {
    const t0 = Date.now();
    rmSync(work, { recursive: true, force: true });
    rmSync(appParent, { recursive: true, force: true });
    console.log(`  ${seconds(Date.now() - t0).padStart(8)}  clean up`);
  } else {
    console.log(
      `[adopter-smoke] kept ${work}${appParent === work ? '' : ` and ${app}`}`,
    );
  }
  console.log(`  ${seconds(Date.now() - started).padStart(8)}  total`);
  console.log(`[adopter-smoke] ${exitCode === 0 ? 'passed' : 'FAILED'}`);
}
process.exit(exitCode);
