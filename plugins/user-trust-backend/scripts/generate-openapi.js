#!/usr/bin/env node
/*
 * Turns src/schema/openapi.yaml, the published API spec, into the typed
 * `spec` constant that the router validates requests against.
 * Run with `yarn generate:openapi`; a test fails when the two drift apart.
 */
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const prettier = require('prettier');

const schemaDir = path.resolve(__dirname, '..', 'src', 'schema');

const target = path.join(schemaDir, 'openapi.generated.ts');

function render() {
  const spec = YAML.parse(
    fs.readFileSync(path.join(schemaDir, 'openapi.yaml'), 'utf8'),
  );
  const source = [
    '// Generated from openapi.yaml by `yarn generate:openapi`. Do not edit.',
    '',
    '/* eslint-disable */',
    `export const spec = ${JSON.stringify(spec, null, 2)} as const;`,
    '',
  ].join('\n');
  return prettier.format(source, {
    ...prettier.resolveConfig.sync(target),
    filepath: target,
  });
}

module.exports = {
  render,
  target: path.join(schemaDir, 'openapi.generated.ts'),
};

if (require.main === module) {
  fs.writeFileSync(target, render());
}
