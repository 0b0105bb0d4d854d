#!/usr/bin/env node
/** The `create-imkit` bin (`npm create imkit@latest`), see run-cli.ts. */
import { processIo, runCreate } from './run-cli.js';

const code = await runCreate(process.argv.slice(2), processIo());
process.exit(code);
