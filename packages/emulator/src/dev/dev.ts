/** `pnpm dev` in this repository: `imkit dev` on the repository's `apps/` (see dev-command.ts). */
import { repoAppsDir } from './apps-dir.js';
import { runDevCli } from './dev-command.js';

const code = await runDevCli(process.argv.slice(2), { appsDir: repoAppsDir, command: 'pnpm dev' });
if (code !== null) process.exit(code);
