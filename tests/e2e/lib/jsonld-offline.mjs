// An offline JSON-LD document loader for schema.org. Choice: instead of fetching the real
// schema.org context (no internet here, and tests must not depend on it), "https://schema.org/"
// (and its http / no-slash spellings) resolve to a small local context: "@vocab" maps every
// term to https://schema.org/TERM, and the properties whose values are links are typed "@id"
// as in the real context, so URLs expand to IRIs. Any other remote document is refused, so a
// test can never reach the network by accident.
export const SCHEMA = 'https://schema.org/';

export const SCHEMA_ORG_CONTEXT = {
  '@context': {
    '@vocab': SCHEMA,
    schema: SCHEMA,
    url: { '@id': 'schema:url', '@type': '@id' },
    contentUrl: { '@id': 'schema:contentUrl', '@type': '@id' },
    license: { '@id': 'schema:license', '@type': '@id' },
    sameAs: { '@id': 'schema:sameAs', '@type': '@id' },
    conditionsOfAccess: { '@id': 'schema:conditionsOfAccess' },
  },
};

const CONTEXT_URLS = new Set(['https://schema.org/', 'https://schema.org', 'http://schema.org/', 'http://schema.org']);

export async function documentLoader(url) {
  if (CONTEXT_URLS.has(url)) return { contextUrl: null, documentUrl: url, document: SCHEMA_ORG_CONTEXT };
  throw new Error(`offline JSON-LD loader: refusing to fetch ${url} (only the schema.org context is served)`);
}
