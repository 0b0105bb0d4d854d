#!/usr/bin/env node
/** The `imkit` bin (see run-imkit.ts). */
import { runImkit } from './run-imkit.js';

const code = await runImkit(process.argv.slice(2));
if (code !== null) process.exitCode = code;
