// Makes sure a Chromium for the e2e suite exists. Playwright cannot download its own browsers on these
// machines, so the suite uses Debian's package (/usr/bin/chromium) or IMKIT_CHROMIUM.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.IMKIT_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync(path)) {
  console.log(`e2e browser: ${path}`);
  process.exit(0);
}
if (process.platform !== 'linux' || typeof process.getuid !== 'function' || process.getuid() !== 0) {
  console.error(
    `No Chromium at ${path}. Install one (Debian: apt-get install -y chromium) or set IMKIT_CHROMIUM to its path.`,
  );
  process.exit(1);
}
console.log('Installing Chromium from Debian packages (apt-get install -y chromium)…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing.`);
  process.exit(1);
}
console.log(`e2e browser: ${path}`);
