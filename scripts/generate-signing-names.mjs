// Writes packages/core/src/infer/signing-names.ts from AWS's own service data, as botocore ships it:
// every data/<service>/<version>/service-2.json (metadata.endpointPrefix, metadata.signingName) and
// data/endpoints.json (credentialScope, hostnames, sslCommonName).
//
//   node scripts/generate-signing-names.mjs                   botocore of `python3` and `/usr/bin/python3`
//   node scripts/generate-signing-names.mjs --python <path>   the botocore of given interpreters
//   node scripts/generate-signing-names.mjs --check           exit 1 if the file is not up to date
//
// Several botocore versions may be given: the newer one wins where they disagree, and names only an
// older one knows (services AWS has since retired) are kept.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const OUTPUT = fileURLToPath(new URL('../packages/core/src/infer/signing-names.ts', import.meta.url));

/** Host suffixes core's inference reads (partitions aws, aws-cn, aws-us-gov). */
const SUFFIXES = ['amazonaws.com', 'amazonaws.com.cn'];

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/**
 * Legacy us-east-1 host names AWS still answers that endpoints.json no longer lists (the region-less
 * forms of the first AWS services); the only facts here not read from botocore.
 */
const LEGACY_GLOBAL_HOSTS = ['ec2', 'autoscaling', 'elasticloadbalancing', 'elasticmapreduce'];

/** Reads a `.json` file, or its `.json.gz` twin (newer botocore compresses the service models). */
function readText(path) {
  if (existsSync(path)) return readFileSync(path, 'utf8');
  if (existsSync(`${path}.gz`)) return gunzipSync(readFileSync(`${path}.gz`)).toString('utf8');
  return undefined;
}

const readJson = (path) => {
  const text = readText(path);
  return text === undefined ? undefined : JSON.parse(text);
};

/** A service model's `metadata` object, parsed alone (the whole models are large). */
function readMetadata(path) {
  const text = readText(path);
  const at = text?.indexOf('"metadata"') ?? -1;
  if (at < 0) return undefined;
  const start = text.indexOf('{', at);
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return JSON.parse(text.slice(start, i + 1));
  }
  return undefined;
}

/** botocore's data dirs and versions, as the given Python interpreters import it. */
export function findBotocore(pythons = ['python3', '/usr/bin/python3']) {
  const found = new Map();
  for (const python of pythons) {
    const run = spawnSync(
      python,
      [
        '-c',
        'import botocore, os; print(botocore.__version__); print(os.path.join(os.path.dirname(botocore.__file__), "data"))',
      ],
      {
        encoding: 'utf8',
      },
    );
    if (run.status !== 0) continue;
    const [version, dir] = run.stdout.trim().split('\n');
    if (version && dir && !found.has(dir)) found.set(dir, { version, dir });
  }
  return [...found.values()];
}

/** `1.29.27` < `1.43.11`. */
const byVersion = (a, b) => {
  const x = a.version.split('.').map(Number);
  const y = b.version.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

/** Adds a fact to a set-valued map (several facts for one key mean AWS's data disagrees). */
const note = (map, key, value) => {
  if (!map.has(key)) map.set(key, new Set());
  map.get(key).add(value);
};

/** The facts of one botocore data dir. */
function readData(dir) {
  const names = new Map(); // endpoint prefix -> Set of signing names
  for (const service of readdirSync(dir, { withFileTypes: true })) {
    if (!service.isDirectory()) continue;
    for (const version of readdirSync(join(dir, service.name))) {
      const meta = readMetadata(join(dir, service.name, version, 'service-2.json'));
      if (!meta?.endpointPrefix) continue;
      note(names, meta.endpointPrefix, meta.signingName ?? meta.endpointPrefix);
    }
  }
  const endpoints = readJson(join(dir, 'endpoints.json'));
  const hostPrefixes = new Map(); // a host's first label -> endpoints.json service key
  const globalHosts = new Map(); // region-less host -> Set of "region service-key scope-service"
  const regionFirst = new Map(); // label after the region -> service key
  for (const partition of endpoints.partitions) {
    const suffix = partition.dnsSuffix;
    if (!SUFFIXES.includes(suffix)) continue;
    for (const [key, service] of Object.entries(partition.services)) {
      const scope = service.defaults?.credentialScope?.service;
      if (scope) note(names, key, scope);
      const template = service.defaults?.sslCommonName?.replace('{service}', key);
      const first = template && /^\{region\}\.([a-z0-9-]+)\.\{dnsSuffix\}$/.exec(template);
      if (first && first[1] !== undefined) regionFirst.set(first[1], key);
      for (const [name, endpoint] of Object.entries(service.endpoints ?? {})) {
        if (endpoint.deprecated || /fips/.test(name)) continue;
        const region = endpoint.credentialScope?.region ?? (REGION.test(name) ? name : undefined);
        const common = endpoint.sslCommonName?.replace('{service}', key).replace('{dnsSuffix}', suffix);
        for (const host of [endpoint.hostname, common]) {
          if (!host?.endsWith(`.${suffix}`) || host.includes('{')) continue;
          const labels = host.slice(0, -suffix.length - 1).split('.');
          if (labels.some((label) => REGION.test(label))) {
            // {label}.{region}.{suffix} with a label other than the key (mturk-requester-sandbox)
            if (labels.length === 2 && REGION.test(labels[1]) && labels[0] !== key && !labels[0].endsWith('-fips'))
              hostPrefixes.set(labels[0], key);
          } else if (region !== undefined) {
            note(globalHosts, host, `${region} ${key} ${endpoint.credentialScope?.service ?? ''}`);
          }
        }
      }
    }
  }
  return { names, hostPrefixes, globalHosts, regionFirst };
}

/** One signing name, or '' where one data set names several. */
const single = (set) => (set.size === 1 ? [...set][0] : '');

/**
 * The generated module's text, from botocore data dirs (`[{ version, dir }]`, any order).
 * @param {{ version: string, dir: string }[]} sources
 */
export function generateSigningNames(sources) {
  const sorted = [...sources].sort(byVersion);
  const signingNames = new Map();
  const globalHosts = new Map();
  const regionFirst = new Map();
  for (const { dir } of sorted) {
    const data = readData(dir);
    const nameOf = (prefix) => (data.names.has(prefix) ? single(data.names.get(prefix)) : prefix);
    for (const [prefix, set] of data.names) signingNames.set(prefix, single(set));
    for (const [label, key] of data.hostPrefixes) if (!data.names.has(label)) signingNames.set(label, nameOf(key));
    for (const [host, set] of data.globalHosts) {
      const facts = [...set].map((fact) => {
        const [region, key, scope] = fact.split(' ');
        return `${region} ${scope || nameOf(key)}`;
      });
      globalHosts.set(host, new Set(facts).size === 1 ? facts[0] : '');
    }
    for (const [label, key] of data.regionFirst) regionFirst.set(label, key);
  }
  for (const prefix of LEGACY_GLOBAL_HOSTS) {
    const host = `${prefix}.amazonaws.com`;
    if (!globalHosts.has(host)) globalHosts.set(host, `us-east-1 ${signingNames.get(prefix) || prefix}`);
  }
  const names = [...signingNames].filter(([prefix, name]) => name !== prefix).sort(([a], [b]) => (a < b ? -1 : 1));
  const hosts = [...globalHosts].filter(([, fact]) => fact !== '').sort(([a], [b]) => (a < b ? -1 : 1));
  const first = [...regionFirst].sort(([a], [b]) => (a < b ? -1 : 1));
  const entry = ([key, value]) => `  ${/^[a-z][a-z0-9]*$/i.test(key) ? key : `'${key}'`}: '${value}',`;
  return `// Generated by scripts/generate-signing-names.mjs from botocore ${sorted.map((s) => s.version).join(', ')}
// (data/*/*/service-2.json and data/endpoints.json). Do not edit: run \`node scripts/generate-signing-names.mjs\`.

/**
 * Endpoint prefix -> signing name, only where they differ; '' where AWS's models give several names
 * for one prefix (the service cannot be told from the host).
 * @internal
 */
export const SIGNING_NAMES: Readonly<Record<string, string>> = {
${names.map(entry).join('\n')}
};

/**
 * Host names without a region label -> "region signing-name" of their credential scope.
 * @internal
 */
export const GLOBAL_HOSTS: Readonly<Record<string, string>> = {
${hosts.map(entry).join('\n')}
};

/**
 * Labels written after the region (\`{region}.queue.amazonaws.com\`) -> endpoint prefix.
 * @internal
 */
export const REGION_FIRST: Readonly<Record<string, string>> = {
${first.map(entry).join('\n')}
};
`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const pythons = args.flatMap((arg, i) => (args[i - 1] === '--python' ? [arg] : []));
  const sources = findBotocore(pythons.length ? pythons : undefined);
  if (sources.length === 0) {
    console.error(
      'No botocore found: install python3-botocore (or pip install botocore), or pass --python <interpreter>.',
    );
    process.exit(1);
  }
  const text = generateSigningNames(sources);
  if (args.includes('--check')) {
    const current = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : '';
    if (current !== text) {
      console.error(
        `${OUTPUT} is not up to date with botocore ${sources.map((s) => s.version).join(', ')}: run node scripts/generate-signing-names.mjs`,
      );
      process.exit(1);
    }
  } else {
    writeFileSync(OUTPUT, text);
    console.log(`wrote ${OUTPUT} from botocore ${sources.map((s) => s.version).join(', ')}`);
  }
}
