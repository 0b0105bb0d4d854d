/**
 * Gzip bytes of the JS a browser loads for a built page before any dynamic import: `index.html`'s module
 * scripts and modulepreload links, then their static import graph. The same function `pnpm test:size`
 * measures with (scripts/size-budget.mjs), so the sample apps, the reference pages and the budgets are
 * all counted one way.
 */
export { type FirstLoad, firstLoadJs } from '../../../scripts/size-budget.mjs';
