/**
 * `file:` URIs ↔ local paths, as Node converts them (Windows drives and UNC included). The web
 * worker bundle takes file-url.browser.ts in its place (build.mjs), which has no node:url.
 */
export { fileURLToPath, pathToFileURL } from 'node:url';
