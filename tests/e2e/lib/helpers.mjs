// One import for test files: server, browser, axe, artefacts and page list helpers.
export * from './browser.mjs';
export * from './axe.mjs';
export * from './artifacts.mjs';
export * from './pages.mjs';
export * from './session.mjs';
