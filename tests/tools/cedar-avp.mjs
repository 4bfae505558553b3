// The official Cedar engine answering Verified Permissions' BatchIsAuthorized wire format, for the differential
// tests: one request body per stdin line in, one response body per stdout line out.
// Usage: node cedar-avp.mjs <policies-directory>
// At start it validates the policy set against the schema (strict mode) and exits non-zero on any error.
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const directory = process.argv[2];
const files = readdirSync(directory).filter(f => f.endsWith('.cedar')).sort();
const staticPolicies = Object.fromEntries(files.map(f => [f, readFileSync(join(directory, f), 'utf8')]));
const schema = JSON.parse(readFileSync(join(directory, 'flowconfigs.cedarschema.json'), 'utf8'));

const validation = cedar.validate({ schema, policies: { staticPolicies }, validationSettings: { mode: 'strict' } });
if (validation.type !== 'success' || validation.validationErrors.length > 0) {
  console.error(JSON.stringify(validation));
  process.exit(2);
}

// Parsed once, not per request: the matrix tests put thousands of requests to the engine.
for (const answer of [cedar.preparsePolicySet('store', { staticPolicies }), cedar.preparseSchema('store', schema)]) {
  if (answer.type !== 'success') {
    console.error(JSON.stringify(answer));
    process.exit(2);
  }
}

// AVP AttributeValue union → Cedar JSON value.
function value(v) {
  if ('string' in v) return v.string;
  if ('long' in v) return v.long;
  if ('boolean' in v) return v.boolean;
  if ('set' in v) return v.set.map(value);
  if ('record' in v) return Object.fromEntries(Object.entries(v.record).map(([k, x]) => [k, value(x)]));
  if ('entityIdentifier' in v) return { __entity: uid(v.entityIdentifier) };
  throw new Error('Unknown AttributeValue ' + JSON.stringify(v));
}
const uid = e => ({ type: e.entityType, id: e.entityId });
const avpAction = a => ({ type: a.actionType, id: a.actionId });

function decide(body) {
  const entities = (body.entities?.entityList ?? []).map(e => ({
    uid: uid(e.identifier),
    attrs: Object.fromEntries(Object.entries(e.attributes ?? {}).map(([k, v]) => [k, value(v)])),
    parents: (e.parents ?? []).map(uid),
  }));
  const results = body.requests.map(request => {
    const answer = cedar.statefulIsAuthorized({
      principal: uid(request.principal),
      action: avpAction(request.action),
      resource: uid(request.resource),
      context: Object.fromEntries(Object.entries(request.context?.contextMap ?? {}).map(([k, v]) => [k, value(v)])),
      preparsedPolicySetId: 'store',
      preparsedSchemaName: 'store',
      entities,
      validateRequest: true,
    });
    if (answer.type !== 'success') {
      return { request, decision: 'DENY', determiningPolicies: [], errors: answer.errors.map(e => ({ errorDescription: e.message })) };
    }
    return {
      request,
      decision: answer.response.decision === 'allow' ? 'ALLOW' : 'DENY',
      determiningPolicies: answer.response.diagnostics.reason.map(policyId => ({ policyId })),
      errors: answer.response.diagnostics.errors.map(e => ({ errorDescription: JSON.stringify(e) })),
    };
  });
  return { results };
}

const lines = createInterface({ input: process.stdin });
lines.on('line', line => {
  let reply;
  try {
    reply = decide(JSON.parse(line));
  } catch (error) {
    reply = { error: String(error) };
  }
  process.stdout.write(JSON.stringify(reply) + '\n');
});
