/** The Node entry (`pnpm start`): serves the built apps; builds nothing. Settings: see config.ts. */
import { runServerCli } from './start-server.js';

const code = await runServerCli(process.env);
if (code !== null) process.exit(code);
