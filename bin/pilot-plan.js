#!/usr/bin/env node
// The npm `bin`: runs the bundled CLI built by `npm run build` (or `prepare` on install).
require('../dist/cli.js');
