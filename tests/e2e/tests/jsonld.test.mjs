// schema.org Dataset JSON-LD on every public demo dataset page (list from package_list):
// it expands with the `jsonld` processor (offline schema.org context, see
// lib/jsonld-offline.mjs) and has what Google Dataset Search needs: name, description of
// 50–5000 characters, url, identifier, keywords, license, creator and publisher,
// DataDownload distributions with contentUrl and encodingFormat, and temporal/spatial
// coverage where the dataset has them. Download URLs on this server must answer 200.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import jsonld from 'jsonld';
import { BASE_URL } from '../lib/helpers.mjs';
import { SCHEMA, documentLoader } from '../lib/jsonld-offline.mjs';

const S = (term) => SCHEMA + term;
const KNOWN_BROKEN = '/files/removed/old-stations-2019.csv';

async function api(action, params) {
  const r = await fetch(`${BASE_URL}/api/3/action/${action}?${new URLSearchParams(params)}`);
  const body = await r.json();
  assert.ok(r.ok && body.success, `${action} ${JSON.stringify(params)} failed: ${r.status}`);
  return body.result;
}

/** Values of property `term` on an expanded node: literals as strings, nodes as objects. */
function values(node, term) {
  return (node[S(term)] ?? []).map((v) => ('@value' in v ? String(v['@value']) : '@id' in v && Object.keys(v).length === 1 ? v['@id'] : v));
}
function one(node, term, slug) {
  const v = values(node, term);
  assert.equal(v.length, 1, `${slug}: exactly one ${term}, got ${JSON.stringify(v)}`);
  return v[0];
}
const isHttpUrl = (s) => typeof s === 'string' && /^https?:\/\/[^\s]+$/.test(s);
const chars = (s) => [...s].length;

/** Checks one dataset page; returns the download URLs on this server it found. */
async function checkDataset(slug) {
  const pkg = await api('package_show', { id: slug });
  const r = await fetch(`${BASE_URL}/dataset/${encodeURIComponent(slug)}`);
  const html = await r.text();
  assert.equal(r.status, 200, `/dataset/${slug} answers 200`);
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1, `${slug}: one application/ld+json script`);
  let doc;
  assert.doesNotThrow(() => { doc = JSON.parse(scripts[0][1]); }, `${slug}: JSON-LD is valid JSON`);
  assert.ok(['https://schema.org/', 'https://schema.org'].includes(doc['@context']), `${slug}: @context is schema.org`);

  const expanded = await jsonld.expand(doc, { documentLoader, safe: true });
  const datasets = expanded.filter((n) => (n['@type'] ?? []).includes(S('Dataset')));
  assert.equal(datasets.length, 1, `${slug}: one schema:Dataset node after expansion`);
  const d = datasets[0];
  const url = `${BASE_URL}/dataset/${encodeURIComponent(slug)}`;

  assert.equal(one(d, 'name', slug), pkg.title, `${slug}: name is the dataset title`);
  const description = one(d, 'description', slug);
  assert.ok(chars(description) >= 50 && chars(description) <= 5000,
    `${slug}: description has ${chars(description)} characters (50–5000 required)`);
  assert.equal(one(d, 'url', slug), url, `${slug}: url is the dataset page`);
  assert.ok(html.includes(`<link rel="canonical" href="${url}">`), `${slug}: canonical link matches the JSON-LD url`);
  assert.equal(one(d, 'identifier', slug), pkg.id, `${slug}: identifier is the dataset id`);

  const tags = (pkg.tags ?? []).map((t) => t.name ?? t.display_name);
  const keywords = values(d, 'keywords');
  if (tags.length) {
    assert.ok(keywords.length >= 1, `${slug}: keywords present`);
    for (const t of tags) assert.ok(keywords.includes(t), `${slug}: keyword ${t} present (keywords: ${keywords.join(', ')})`);
  }

  const license = one(d, 'license', slug);
  assert.ok(isHttpUrl(license), `${slug}: license is a URL, got ${license}`);

  for (const role of ['creator', 'publisher']) {
    const org = one(d, role, slug);
    assert.equal(typeof org, 'object', `${slug}: ${role} is an object`);
    assert.ok((org['@type'] ?? []).includes(S('Organization')), `${slug}: ${role} is an Organization`);
    assert.ok(one(org, 'name', `${slug} ${role}`).trim(), `${slug}: ${role} has a name`);
  }

  const local = [];
  const withUrl = (pkg.resources ?? []).filter((res) => res.url);
  const dist = values(d, 'distribution');
  assert.equal(dist.length, withUrl.length, `${slug}: one distribution per resource with a URL`);
  for (const dd of dist) {
    assert.ok((dd['@type'] ?? []).includes(S('DataDownload')), `${slug}: distribution is a DataDownload`);
    const contentUrl = one(dd, 'contentUrl', `${slug} distribution`);
    assert.ok(isHttpUrl(contentUrl), `${slug}: contentUrl is a URL: ${contentUrl}`);
    assert.ok(withUrl.some((res) => res.url === contentUrl), `${slug}: contentUrl ${contentUrl} is a resource URL`);
    assert.match(one(dd, 'encodingFormat', `${slug} distribution`), /^[a-z]+\/[\w.+-]+$/, `${slug}: encodingFormat is a media type`);
    if (contentUrl.startsWith(BASE_URL + '/')) local.push(contentUrl);
  }

  if (pkg.temporal_start || pkg.temporal_end) {
    const t = one(d, 'temporalCoverage', slug);
    assert.match(t, /^(\d{4}(-\d\d(-\d\d)?)?|\.\.)\/(\d{4}(-\d\d(-\d\d)?)?|\.\.)$/, `${slug}: temporalCoverage is an ISO 8601 interval: ${t}`);
    if (pkg.temporal_start) assert.ok(t.startsWith(pkg.temporal_start), `${slug}: temporalCoverage starts ${pkg.temporal_start}`);
  } else {
    assert.equal(values(d, 'temporalCoverage').length, 0, `${slug}: no temporalCoverage invented`);
  }
  if (pkg.spatial) {
    const place = one(d, 'spatialCoverage', slug);
    assert.ok(typeof place === 'object' && (place['@type'] ?? []).includes(S('Place')), `${slug}: spatialCoverage is a Place`);
    assert.ok(one(place, 'name', slug).trim(), `${slug}: the Place has a name`);
  }
  return local;
}

test('JSON-LD of every public demo dataset expands and has the required and recommended properties', async () => {
  const slugs = await api('package_list', {});
  assert.ok(slugs.length >= 60, `package_list lists the demo's public datasets (${slugs.length})`);
  const failures = [];
  const downloads = [];
  for (const slug of slugs) {
    try {
      downloads.push(...await checkDataset(slug));
    } catch (e) {
      failures.push(`${slug}: ${e.message.split('\n')[0]}`);
    }
  }
  assert.deepEqual(failures, [], `${failures.length} of ${slugs.length} datasets fail:\n  ${failures.join('\n  ')}`);
  // Every download URL that points at this server works, except the demo's deliberate
  // broken link (demo/README.md: moenv-aqi-stations' second resource), which must stay 404.
  const broken = [];
  for (const u of downloads) {
    const r = await fetch(u);
    await r.arrayBuffer();
    const want = new URL(u).pathname === KNOWN_BROKEN ? 404 : 200;
    if (r.status !== want) broken.push(`${u} → ${r.status} (expected ${want})`);
  }
  assert.ok(downloads.length >= 60, `download links checked: ${downloads.length}`);
  assert.deepEqual(broken, [], `broken download links:\n  ${broken.join('\n  ')}`);
});

test('the offline loader serves schema.org and refuses any other remote context', async () => {
  const asked = [];
  const spy = (url) => { asked.push(url); return documentLoader(url); };
  const ok = await jsonld.expand({ '@context': 'https://schema.org/', '@type': 'Dataset', url: 'https://x.test/d' }, { documentLoader: spy });
  assert.deepEqual(ok[0][S('url')], [{ '@id': 'https://x.test/d' }], 'url expands to an IRI');
  await assert.rejects(
    jsonld.expand({ '@context': 'https://example.org/ctx.jsonld', name: 'x' }, { documentLoader: spy }),
    (e) => /example\.org/.test(String(e.message ?? e)));
  // (schema.org may come from jsonld's context cache; the refused URL must reach our loader.)
  assert.ok(asked.includes('https://example.org/ctx.jsonld'), `the loader was asked: ${asked}`);
});
