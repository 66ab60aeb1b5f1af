// Runs every case of the corpus through the pinned @cloud-copilot/iam-simulate
// and writes the decisions it reaches. The package is a development-time
// oracle only: `make iam-simulate` installs it outside the repository, and no
// Go code depends on it.
//
// Usage: IAM_SIMULATE_DIR=<npm prefix> node simulate.mjs <corpus.json> <expected.json>

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const fail = (message) => {
  console.error(`simulate.mjs: ${message}`);
  process.exit(1);
};

const prefix = process.env.IAM_SIMULATE_DIR;
const [corpusPath, expectedPath] = process.argv.slice(2);
if (!prefix || !corpusPath || !expectedPath) {
  fail('usage: IAM_SIMULATE_DIR=<npm prefix> node simulate.mjs <corpus.json> <expected.json>');
}

// Refuse to run against anything but the pinned versions, so that
// expected.json always names what produced it.
const here = dirname(fileURLToPath(import.meta.url));
const pinned = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).dependencies;
for (const [name, version] of Object.entries(pinned)) {
  const found = JSON.parse(readFileSync(join(prefix, 'node_modules', name, 'package.json'), 'utf8')).version;
  if (found !== version) fail(`${name} ${found} is installed in ${prefix}, ${version} is pinned`);
}

const require = createRequire(join(prefix, 'package.json'));
const { runSimulation, anonymousPrincipal, typeForContextKey, isConditionKeyArray } =
  require('@cloud-copilot/iam-simulate');

const decisions = {
  Allowed: 'allowed',
  AllowedForAccount: 'allowed',
  ImplicitlyDenied: 'implicitDeny',
  ExplicitlyDenied: 'explicitDeny',
  DeniedForAccount: 'explicitDeny'
};
const decision = (result, name) => decisions[result] ?? fail(`case ${name}: unknown result ${result}`);

// The simulator shapes each key by its documented type: a single-valued key
// keeps only its first value. The corpus must not rely on that.
const contextFor = async (c) => {
  const out = {};
  for (const [key, values] of Object.entries(c.request.context ?? {})) {
    const multi = isConditionKeyArray(await typeForContextKey(key));
    if (!multi && values.length !== 1) fail(`case ${c.name}: ${key} is single-valued, give it one value`);
    out[key] = multi ? values : values[0];
  }
  return out;
};

const corpus = JSON.parse(readFileSync(corpusPath, 'utf8'));
const results = [];
for (const c of corpus.cases) {
  const { principal, action, resource, resourceAccount } = c.request;
  const response = await runSimulation(
    {
      request: {
        principal: principal === '' ? anonymousPrincipal : principal,
        action,
        resource: { resource, accountId: resourceAccount },
        contextVariables: await contextFor(c)
      },
      identityPolicies: c.identity.map((policy, i) => ({ name: `identity${i}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: c.resource
    },
    {}
  );
  if (response.resultType !== 'single') {
    fail(`case ${c.name}: ${response.resultType} result: ${JSON.stringify(response.errors ?? response)}`);
  }
  const { analysis, ignoredContextKeys } = response.result;
  if (ignoredContextKeys?.length) fail(`case ${c.name}: keys ignored for ${action}: ${ignoredContextKeys}`);
  const out = { name: c.name, identity: decision(analysis.identityAnalysis.result, c.name) };
  if (c.resource) out.resource = decision(analysis.resourceAnalysis.result, c.name);
  out.access = decision(response.overallResult, c.name);
  results.push(out);
}

const source = { package: '@cloud-copilot/iam-simulate', versions: pinned };
const lines = results.map((r) => '    ' + JSON.stringify(r));
writeFileSync(
  expectedPath,
  `{\n  "source": ${JSON.stringify(source)},\n  "cases": [\n${lines.join(',\n')}\n  ]\n}\n`
);
console.log(`simulate.mjs: ${results.length} cases written to ${expectedPath}`);
