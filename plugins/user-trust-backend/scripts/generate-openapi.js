#!/usr/bin/env node
/*
 * Turns src/schema/openapi.yaml, the published API spec and the one
 * definition of the REST API, into the two files derived from it:
 *
 * - src/schema/openapi.generated.ts: the typed `spec` constant that the
 *   router is built from, so the compiler checks every route's parameters,
 *   body and answer against the spec;
 * - user-trust-common's src/schema/openapi.generated.ts: the spec's schemas
 *   and operations as TypeScript types (openapi-typescript), which common's
 *   API types alias and the frontend client is typed with.
 *
 * Run with `yarn generate:openapi`; a test fails when either file drifts.
 */
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const YAML = require('yaml');
const prettier = require('prettier');

const schemaDir = path.resolve(__dirname, '..', 'src', 'schema');
const specPath = path.join(schemaDir, 'openapi.yaml');

const targets = {
  spec: path.join(schemaDir, 'openapi.generated.ts'),
  types: path.resolve(
    __dirname,
    '../../user-trust-common/src/schema/openapi.generated.ts',
  ),
};

const HEADER = [
  '// Generated from plugins/user-trust-backend/src/schema/openapi.yaml by',
  '// `yarn generate:openapi` in that package. Do not edit.',
  '',
  '/* eslint-disable */',
];

function format(source, filepath) {
  return prettier.format(source, {
    ...prettier.resolveConfig.sync(filepath),
    filepath,
  });
}

function renderSpec() {
  const spec = YAML.parse(fs.readFileSync(specPath, 'utf8'));
  const source = [
    ...HEADER,
    `export const spec = ${JSON.stringify(spec, null, 2)} as const;`,
    '',
  ].join('\n');
  return format(source, targets.spec);
}

async function renderTypes() {
  const { default: openapiTS, astToString } = require('openapi-typescript');
  const ast = await openapiTS(pathToFileURL(specPath), {
    alphabetize: false,
    exportType: true,
  });
  const body = astToString(ast)
    // api-extractor needs a release tag on every exported declaration, and
    // knows no @description, @enum or @constant (TSDoc): the text stays, the
    // tag goes; the enum and constant are in the type itself.
    .replace(/^export (type|interface) /gm, '/** @public */\nexport $1 ')
    .replace(/@description /g, '')
    .replace(/^\s*\/\*\* @(enum|constant)\b.*\*\/\n/gm, '')
    .replace(/^\s*\* @(enum|constant)\b.*\n/gm, '');
  return format([...HEADER, '', body].join('\n'), targets.types);
}

/** Both files as they should be, keyed like `targets`. */
async function render() {
  return { spec: renderSpec(), types: await renderTypes() };
}

module.exports = { render, targets };

if (require.main === module) {
  render().then(files => {
    for (const [key, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(targets[key]), { recursive: true });
      fs.writeFileSync(targets[key], content);
    }
  });
}
