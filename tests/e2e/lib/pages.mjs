// The portal's page types with one demo example each, for checks that run on every page
// (axe, security headers, responsive layout). Add login/dashboard/forms here when they exist.
export const DATASET_SLUG = 'tp-ltc-a-units';            // bilingual, with a field dictionary
export const ZH_ONLY_DATASET_SLUG = 'tp-library-new-acquisitions';  // no English title/description
export const ORGANIZATION_SLUG = 'taipei-health';
export const TOPIC_SLUG = 'long-term-care';

export const PAGE_TYPES = [
  { name: 'home', path: '/' },
  { name: 'search', path: `/dataset?q=${encodeURIComponent('長照')}` },
  { name: 'dataset', path: `/dataset/${DATASET_SLUG}` },
  { name: 'dataset-zh-only', path: `/dataset/${ZH_ONLY_DATASET_SLUG}` },
  { name: 'organizations', path: '/organization' },
  { name: 'organization', path: `/organization/${ORGANIZATION_SLUG}` },
  { name: 'topics', path: '/topic' },
  { name: 'topic', path: `/topic/${TOPIC_SLUG}` },
  { name: 'about', path: '/about' },
  { name: 'quality', path: '/quality' },
  { name: 'software-list', path: '/software' },
  { name: 'software', path: '/software/ltc-service-map' },
  { name: 'software-procurement', path: '/software/ltc-service-map/procurement' },
  { name: 'not-found', path: '/dataset/no-such-dataset', status: 404 },
];

export const LANGS = ['zh-TW', 'en'];

/** `path` with ?lang= (or &lang=) added. */
export function withLang(path, lang) {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
}
