// DCAT-AP 3.0.1 SHACL conformance of Pintu's exports (run by run.sh; CTest
// conformance.dcat_ap_shacl). Two parts:
//  (a) the oracle: each row of shared/conformance/dcat-ap/expected.tsv is run with
//      rdf-validate-shacl and compared with the expected outcome. Differences that were seen
//      and reported (docs/dcat-ap.md "Findings") are listed in KNOWN_FINDINGS and printed;
//      any other difference fails the test.
//  (b) the exports: `pintu serve --demo` on 127.0.0.1; every catalog page (following
//      hydra:next) and every public dataset in Turtle, JSON-LD and RDF/XML is parsed,
//      checked to give the same triples in the three syntaxes, and validated against
//      shapes.ttl + range.ttl with the FOAF background facts in both graphs: zero violations.
//      Warnings of shapes_recommended.ttl are counted and reported, not failed on.
// Nothing is fetched from the network: JSON-LD contexts are resolved from local files only.
import { readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rdf from '@zazuko/env-node';
import SHACLValidator from 'rdf-validate-shacl';
import { Parser as N3Parser } from 'n3';
import jsonld from 'jsonld';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { startServer } from '../../e2e/lib/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = process.env.PINTU_SHARED_DIR;
const conf = path.join(shared, 'conformance', 'dcat-ap');
const binary = process.env.PINTU_BINARY;
const demoDir = process.env.PINTU_DEMO_DIR || path.resolve(here, '../../../demo');
const SH = 'http://www.w3.org/ns/shacl#';

let passed = 0;
let failed = 0;
const findings = [];
function check(ok, what, detail = '') {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` — ${detail}` : ''}`);
}

// ---------- parsing (no network) ----------

const BEE_CONTEXT_URL =
  'https://semiceu.github.io/uri.semic.eu-generated/DCAT-AP/releases/3.0.0/html/examples/context.jsonld';
const localContexts = { [BEE_CONTEXT_URL]: path.join(conf, 'negative-3.0.1-bee', 'context.jsonld') };

async function offlineLoader(url) {
  const file = localContexts[url];
  if (!file) throw new Error(`refusing to fetch ${url} (offline harness)`);
  return { contextUrl: null, documentUrl: url, document: JSON.parse(readFileSync(file, 'utf8')) };
}

// Turtle / N-Triples, synchronously (n3 parses a string at once when no quad callback is given).
function parseTurtle(text, baseIRI = 'http://example.invalid/') {
  const prefixes = {};
  const quads = new N3Parser({ baseIRI, factory: rdf }).parse(text, {
    onPrefix: (prefix, iri) => { prefixes[prefix] = iri.value; },
  });
  return { quads, prefixes };
}

function fromJsonldTerm(t) {
  if (t.termType === 'NamedNode') return rdf.namedNode(t.value);
  if (t.termType === 'BlankNode') return rdf.blankNode(t.value.replace(/^_:/, ''));
  if (t.termType === 'DefaultGraph') return rdf.defaultGraph();
  return rdf.literal(t.value, t.language || rdf.namedNode(t.datatype.value));
}

async function parseJsonld(text) {
  const raw = await jsonld.toRDF(JSON.parse(text), { documentLoader: offlineLoader, safe: false });
  return raw.map((q) => rdf.quad(fromJsonldTerm(q.subject), fromJsonldTerm(q.predicate),
                                 fromJsonldTerm(q.object)));
}

function parseRdfXml(text, baseIRI = 'http://example.invalid/') {
  return new Promise((resolve, reject) => {
    const quads = [];
    const parser = new RdfXmlParser({ baseIRI, dataFactory: rdf });
    parser.on('data', (q) => quads.push(q));
    parser.on('error', reject);
    parser.on('end', () => resolve(quads));
    parser.write(text);
    parser.end();
  });
}

const readFile = (rel) => readFileSync(path.join(conf, rel), 'utf8');
const background = parseTurtle(readFile('background/foaf-agent-subclasses.nt')).quads;

function dataset(...quadLists) {
  const ds = rdf.dataset();
  for (const list of quadLists) for (const q of list) ds.add(rdf.quad(q.subject, q.predicate, q.object));
  return ds;
}

const validators = new Map();
function validatorFor(shapeFiles, withBackground) {
  const key = shapeFiles.join('+') + (withBackground ? '+bg' : '');
  if (!validators.has(key)) {
    const shapes = dataset(...shapeFiles.map((f) => parseTurtle(readFile(f)).quads), withBackground ? background : []);
    validators.set(key, new SHACLValidator(shapes, { factory: rdf }));
  }
  return validators.get(key);
}

// Results of validating `quads` (plus background facts when asked) against `shapeFiles`.
async function validate(quads, shapeFiles, { backgroundInData = false, backgroundInShapes = false } = {}) {
  const report = await validatorFor(shapeFiles, backgroundInShapes)
    .validate(dataset(quads, backgroundInData ? background : []));
  return report.results.map((r) => ({
    severity: r.severity?.value.replace(SH, 'sh:'),
    focus: r.focusNode?.value,
    path: r.path?.value,
    component: r.sourceConstraintComponent?.value.replace(SH, 'sh:'),
    message: r.message?.map((m) => m.value).join(' '),
  }));
}
const violations = (results) => results.filter((r) => r.severity === 'sh:Violation');
const describe = (r) => `${r.component} on <${r.focus}> ${r.path ? `path <${r.path}>` : ''}`;

// ---------- (a) the oracle rows of expected.tsv ----------

// Differences between expected.tsv and rdf-validate-shacl 0.6.5 that were seen and reported
// (docs/dcat-ap.md "Findings"): known-findings.json maps a row label to the engine's exact
// outcome and the reason. Any other difference fails, and so does a known finding whose
// outcome changes. Set PINTU_SHACL_PRINT_FINDINGS=1 to print the outcomes as JSON.
const KNOWN_FINDINGS = JSON.parse(readFileSync(path.join(here, 'known-findings.json'), 'utf8'));
const seenDifferences = {};

function compareRow(label, expected, actual) {
  if (expected === actual) {
    check(true, `oracle: ${label}`, actual);
    return;
  }
  seenDifferences[label] = { engine: actual, why: KNOWN_FINDINGS[label]?.why ?? '' };
  if (KNOWN_FINDINGS[label]?.engine === actual) {
    findings.push(`${label}: ${KNOWN_FINDINGS[label].why}`);
    check(true, `oracle: ${label}`, `KNOWN FINDING (expected.tsv: ${expected})`);
  } else {
    check(false, `oracle: ${label}`, `expected ${expected}, engine ${actual}`);
  }
}

const CORE = ['shacl-3.0.1/shapes.ttl', 'shacl-3.0.1/range.ttl'];
async function oracle() {
  const ex1 = parseTurtle(readFile('examples-2.1.1/example1.nt')).quads;
  const ex2 = parseTurtle(readFile('examples-2.1.1/example2.nt')).quads;
  const summary = (results) => {
    const v = violations(results);
    return v.length ? `${v.length} Violation(s): ${v.map(describe).join('; ')}` : 'conforms';
  };

  compareRow('example1.nt vs shapes+range', 'conforms', summary(await validate(ex1, CORE)));
  const rec = await validate(ex1, ['shacl-3.0.1/shapes_recommended.ttl']);
  compareRow('example1.nt vs shapes_recommended', 'warnings only',
             violations(rec).length === 0 && rec.length > 0 ? 'warnings only' : summary(rec));
  compareRow('example2.nt vs shapes', 'conforms', summary(await validate(ex2, ['shacl-3.0.1/shapes.ttl'])));
  const ex2range = violations(await validate(ex2, CORE));
  const oneClassViolation = ex2range.length === 1 && ex2range[0].component === 'sh:ClassConstraintComponent' &&
    ex2range[0].path === 'http://purl.org/dc/terms/publisher' && ex2range[0].focus === 'https://myorg.eu/opendata/catalog';
  compareRow('example2.nt vs shapes+range', '1 Violation: sh:class foaf:Agent on the catalogue dct:publisher',
             oneClassViolation ? '1 Violation: sh:class foaf:Agent on the catalogue dct:publisher' : summary(ex2range));
  compareRow('example2.nt + background (data graph) vs shapes+range', 'conforms',
             summary(await validate(ex2, CORE, { backgroundInData: true })));

  // Bee fragments: one sh:minCount Violation per row of missing-mandatory.tsv.
  const rows = readFile('negative-3.0.1-bee/missing-mandatory.tsv').trim().split('\n').slice(1)
    .map((l) => l.split('\t'));
  const files = [...new Set(rows.map((r) => r[0]))];
  const expandWith = (prefixes, name) => {
    const i = name.indexOf(':');
    const p = name.slice(0, i);
    return prefixes[p] ? prefixes[p] + name.slice(i + 1) : name;
  };
  const PATHS = { 'dct:title': 'http://purl.org/dc/terms/title', 'dct:description': 'http://purl.org/dc/terms/description',
                  'dcat:accessURL': 'http://www.w3.org/ns/dcat#accessURL' };
  for (const file of files) {
    const ttlPath = path.join(conf, 'negative-3.0.1-bee', file);
    const text = readFileSync(ttlPath, 'utf8');
    // The prefixes of the file, read leniently (the file itself may not be valid Turtle).
    const prefixes = Object.fromEntries([...text.matchAll(/@prefix\s+([\w-]*):\s*<([^>]*)>/g)].map((m) => [m[1], m[2]]));
    const want = rows.filter((r) => r[0] === file && r[3] !== '(none missing)')
      .map((r) => `${expandWith(prefixes, r[1])} ${PATHS[r[3]]}`).sort();
    const twins = [];
    try {
      twins.push(['ttl', parseTurtle(text, 'http://example.invalid/').quads]);
    } catch (e) {
      compareRow(`bee ${file} parses as Turtle`, 'parses', `n3 rejects it: ${e.message}`);
    }
    const jsonFile = ttlPath.replace(/\.ttl$/, '.jsonld');
    if (existsSync(jsonFile)) twins.push(['jsonld', await parseJsonld(readFileSync(jsonFile, 'utf8'))]);
    for (const [kind, q] of twins) {
      const got = violations(await validate(q, ['shacl-3.0.1/shapes.ttl']));
      const gotKeys = got.map((r) => `${r.focus} ${r.path}`).sort();
      const minCountOnly = got.every((r) => r.component === 'sh:MinCountConstraintComponent');
      const text = (keys, ok) => keys.length ? `${keys.length} minCount Violation(s) [${keys.join(', ')}]` + (ok ? '' : ' (+ other kinds)') : 'conforms';
      compareRow(`bee ${file.replace(/\.ttl$/, '.' + kind)} vs shapes`, text(want, true), text(gotKeys, minCountOnly));
    }
  }
  for (const file of ['example-bee-population.ttl', 'example-bee-population-2022-2023.ttl',
                      'example-bee-populaton-2022-2023.ttl']) {
    const { quads } = parseTurtle(readFile(`negative-3.0.1-bee/${file}`));
    const got = violations(await validate(quads, CORE));
    const classOnPublisher = got.filter((r) => r.component === 'sh:ClassConstraintComponent' &&
                                               r.path === 'http://purl.org/dc/terms/publisher');
    const datasets = new Set(quads.filter((q) => q.predicate.value === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type' &&
                                                 q.object.value === 'http://www.w3.org/ns/dcat#Dataset' &&
                                                 quads.some((p) => p.subject.equals(q.subject) &&
                                                                   p.predicate.value === 'http://purl.org/dc/terms/publisher'))
                              .map((q) => q.subject.value));
    const covered = [...datasets].every((d) => classOnPublisher.some((r) => r.focus === d));
    compareRow(`bee ${file} vs shapes+range`, 'sh:class foaf:Agent Violation on every dataset dct:publisher',
               datasets.size > 0 && covered ? 'sh:class foaf:Agent Violation on every dataset dct:publisher'
                                            : summary(got));
  }
}

// ---------- (b) pintu's exports of the demo catalog ----------

const key = (q) => `${q.subject.termType}:${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}` +
  // Language tags compare case-insensitively (RDF 1.1); parsers differ in the case they keep.
  (q.object.termType === 'Literal' ? `@${q.object.language.toLowerCase()}^^${q.object.datatype.value}` : '');

async function fetchText(url) {
  const r = await fetch(url);
  const body = await r.text();
  if (r.status !== 200) throw new Error(`GET ${url} → ${r.status}: ${body.slice(0, 200)}`);
  return { body, type: r.headers.get('content-type') };
}

async function parseAll(base, pathNoExt, query = '') {
  const out = {};
  const ttl = await fetchText(`${base}${pathNoExt}.ttl${query}`);
  out.ttl = parseTurtle(ttl.body, base + '/').quads;
  const js = await fetchText(`${base}${pathNoExt}.jsonld${query}`);
  out.jsonld = await parseJsonld(js.body);
  const xml = await fetchText(`${base}${pathNoExt}.rdf${query}`);
  out.rdf = await parseRdfXml(xml.body, base + '/');
  return out;
}

let warningsTotal = 0;
const warningKinds = new Map();
async function validateExport(label, parsed) {
  const keys = Object.fromEntries(Object.entries(parsed).map(([k, q]) => [k, new Set(q.map(key))]));
  const same = ['jsonld', 'rdf'].every((k) => keys[k].size === keys.ttl.size && [...keys[k]].every((x) => keys.ttl.has(x)));
  check(same, `${label}: Turtle, JSON-LD and RDF/XML give the same ${keys.ttl.size} triples`,
        same ? '' : `sizes ttl=${keys.ttl.size} jsonld=${keys.jsonld.size} rdf=${keys.rdf.size}; first difference: ` +
          (['jsonld', 'rdf'].flatMap((k) => [...keys[k]].filter((x) => !keys.ttl.has(x)).map((x) => `${k} has ${x}`))[0] ?? ''));
  for (const [syntax, quads] of Object.entries(parsed)) {
    const v = violations(await validate(quads, CORE, { backgroundInData: true, backgroundInShapes: true }));
    check(v.length === 0, `${label}.${syntax}: 0 Violations against shapes.ttl + range.ttl`,
          v.slice(0, 5).map((r) => `${describe(r)} ${r.message ?? ''}`).join('; '));
  }
  const rec = await validate(parsed.ttl, ['shacl-3.0.1/shapes_recommended.ttl'],
                             { backgroundInData: true, backgroundInShapes: true });
  warningsTotal += rec.length;
  for (const r of rec) {
    const k = `${r.component} ${r.path ?? ''}`;
    warningKinds.set(k, (warningKinds.get(k) ?? 0) + 1);
  }
}

// A dataset with hostile text and URLs, created through the CKAN API with the demo admin
// token: its three exports must parse, agree, conform, and carry the text unchanged.
const HOSTILE_TITLE = '長照 "quoted" \\ back\nslash ]]> <script>alert(1)</script> & \'q\' \t tab';
async function hostileRoundTrip(base, serverLog) {
  const token = serverLog.match(/Demo admin token[^\n]*\n\s*(\S+)/)?.[1];
  if (!token) {
    check(false, 'hostile round trip', 'no demo admin token in the server log');
    return;
  }
  const body = {
    name: 'hostile-text', owner_org: 'mohw', title: HOSTILE_TITLE,
    notes: 'line 1\r\nline 2 "x" <y> ]]>',
    tags: [{ name: '長照' }],
    resources: [{ url: 'https://example.gov.tw/a b/<c>"d".csv', name: 'r "1" <x>', format: 'CSV' }],
  };
  const r = await fetch(`${base}/api/3/action/package_create`, {
    method: 'POST', headers: { Authorization: token, 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const created = await r.json();
  if (!created.success) {
    check(false, 'hostile round trip: package_create', JSON.stringify(created.error));
    return;
  }
  const parsed = await parseAll(base, '/dataset/hostile-text');
  await validateExport('dataset/hostile-text', parsed);
  for (const [syntax, quads] of Object.entries(parsed)) {
    const title = quads.find((q) => q.predicate.value === 'http://purl.org/dc/terms/title' &&
                                    q.subject.value === `${base}/dataset/hostile-text`);
    check(title?.object.value === HOSTILE_TITLE && title?.object.language.toLowerCase() === 'zh-tw',
          `hostile title survives ${syntax} unchanged`, JSON.stringify(title?.object));
    const access = quads.find((q) => q.predicate.value === 'http://www.w3.org/ns/dcat#accessURL');
    check(access?.object.value === 'https://example.gov.tw/a%20b/%3Cc%3E%22d%22.csv',
          `hostile URL percent-encoded in ${syntax}`, access?.object.value);
  }
}

async function exportsOfDemo() {
  if (!binary || !existsSync(binary)) {
    check(false, 'pintu binary', `PINTU_BINARY=${binary} does not exist; build the pintu target first`);
    return;
  }
  const logFile = path.join(tmpdir(), `pintu-shacl-${process.pid}.log`);
  const server = await startServer({ binary, demoDir, logFile });
  try {
    const base = server.baseUrl;
    await hostileRoundTrip(base, readFileSync(logFile, 'utf8'));
    // Every catalog page at a small page size (so paging is exercised), following hydra:next.
    const slugs = new Set();
    let pageQuery = '?page=1&page_size=10';
    let pages = 0;
    while (pageQuery && pages < 100) {
      pages++;
      const parsed = await parseAll(base, '/catalog', pageQuery);
      await validateExport(`catalog${pageQuery}`, parsed);
      for (const q of parsed.ttl)
        if (q.predicate.value === 'http://www.w3.org/ns/dcat#dataset') slugs.add(q.object.value.replace(`${base}/dataset/`, ''));
      const next = parsed.ttl.find((q) => q.predicate.value === 'http://www.w3.org/ns/hydra/core#next');
      pageQuery = next ? next.object.value.slice(`${base}/catalog`.length) : null;
    }
    // Pintu's vocabulary (skos concepts and schemes: Category_Shape, CategoryScheme_Shape).
    await validateExport('ns', await parseAll(base, '/ns'));
    // The default page (all demo datasets at once).
    await validateExport('catalog (default page)', await parseAll(base, '/catalog'));
    const api = await (await fetch(`${base}/api/3/action/package_list`)).json();
    check(api.result.length === slugs.size && api.result.every((s) => slugs.has(s)),
          `catalog pages list every public dataset exactly once (${slugs.size} in ${pages} pages)`);
    for (const slug of [...slugs].sort()) await validateExport(`dataset/${slug}`, await parseAll(base, `/dataset/${slug}`));
    // Content negotiation gives the same document as the extension.
    const negotiated = await fetch(`${base}/dataset/${[...slugs][0]}`, { headers: { Accept: 'text/turtle' } });
    check(negotiated.status === 200 && negotiated.headers.get('content-type') === 'text/turtle;charset=utf-8' &&
          negotiated.headers.get('vary')?.includes('Accept'), 'Accept: text/turtle on /dataset/{slug} gives Turtle');
  } finally {
    const died = server.exited();
    await server.stop();
    check(!died, 'the server kept running during the exports', died ?? '');
    // The debug build runs with ASan/UBSan: any report in the server's log fails the test.
    const sanitizer = readFileSync(logFile, 'utf8').split('\n')
      .filter((l) => /ERROR: (Address|Leak)Sanitizer|runtime error:/.test(l));
    check(sanitizer.length === 0, 'no sanitizer report in the server log', sanitizer.slice(0, 5).join('\n  '));
    if (failed === 0) rmSync(logFile, { force: true });
    else console.log(`server log kept: ${logFile}`);
  }
}

// `node validate.mjs FILE.ttl|.jsonld|.rdf …` validates those files only (no oracle, no server).
async function files(list) {
  for (const f of list) {
    const text = readFileSync(f, 'utf8');
    const quads = f.endsWith('.jsonld') ? await parseJsonld(text)
      : f.endsWith('.rdf') ? await parseRdfXml(text) : parseTurtle(text).quads;
    const v = violations(await validate(quads, CORE, { backgroundInData: true, backgroundInShapes: true }));
    check(v.length === 0, `${f}: ${quads.length} triples, 0 Violations against shapes.ttl + range.ttl`,
          v.map((r) => `${describe(r)} ${r.message ?? ''}`).join('; '));
    const rec = await validate(quads, ['shacl-3.0.1/shapes_recommended.ttl'], { backgroundInData: true, backgroundInShapes: true });
    console.log(`     ${rec.length} recommended-shape warning(s): ${[...new Set(rec.map((r) => r.path))].join(' ')}`);
  }
}

const t0 = Date.now();
try {
  if (process.argv.length > 2) {
    await files(process.argv.slice(2));
  } else {
    await oracle();
    await exportsOfDemo();
  }
} catch (e) {
  check(false, 'harness', e.stack || String(e));
}
console.log(`\nshapes_recommended.ttl warnings over all dataset and catalog exports: ${warningsTotal}`);
for (const [k, n] of [...warningKinds.entries()].sort((a, b) => b[1] - a[1])) console.log(`  ${n}\t${k}`);
if (process.env.PINTU_SHACL_PRINT_FINDINGS) console.log(JSON.stringify(seenDifferences, null, 2));
if (findings.length) console.log(`\nFindings against expected.tsv (reported, not failed):\n  ${findings.join('\n  ')}`);
console.log(`\ndcat-ap-shacl: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
