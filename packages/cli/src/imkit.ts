#!/usr/bin/env node
/** The `imkit` bin (see run-imkit.ts). Anything unexpected is one line on stderr, exit 1. */
import { runImkit } from './run-imkit.js';

try {
  const code = await runImkit(process.argv.slice(2));
  if (code !== null) process.exitCode = code;
} catch (error) {
  console.error(`imkit: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
