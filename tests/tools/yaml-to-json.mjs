// Prints a YAML file (docker-compose.yml, the collector config) as JSON, merge keys resolved, for the .NET tests.
// Usage: node yaml-to-json.mjs <file>
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

process.stdout.write(JSON.stringify(parse(readFileSync(process.argv[2], 'utf8'), { merge: true })));
