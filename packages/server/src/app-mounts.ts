import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * How the portal opens an app, which decides how its launch is checked:
 * - `placement`: the host's form POST; `member_id` must be a known installation.
 * - `chat-app`: a legacy chat app (`imbot.app.register` IFRAME); DOMAIN_HASH / USER_HASH / referer verified.
 * - `install`: the install page, opened before the portal sends ONAPPINSTALL, so no installation exists yet.
 */
export type LaunchKind = 'placement' | 'chat-app' | 'install';

export interface AppMount {
  /** Handler path relative to the handler base, ending in `/` (`im-sidebar/`). */
  readonly path: string;
  /** The app's built folder (holding `index.html`). */
  readonly dist: string;
  readonly launch: LaunchKind;
}

export type AppSource = string | { readonly dist: string; readonly launch?: LaunchKind };

const handlerPath = /^(?:[A-Za-z0-9][A-Za-z0-9._-]*\/)+$/;
const launchKinds: readonly LaunchKind[] = ['placement', 'chat-app', 'install'];

function normalizePath(path: string): string {
  const trimmed = path.replace(/^\/+/, '');
  const withSlash = trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
  if (!handlerPath.test(withSlash) || withSlash.split('/').some((s) => s === '..')) {
    throw new TypeError(`apps: "${path}" is not a handler path such as "im-sidebar/"`);
  }
  return withSlash;
}

/** Mounts from an explicit `{ 'im-sidebar/': '/srv/apps/im-sidebar/dist' }` map. */
export function appMountsFrom(apps: Readonly<Record<string, AppSource>>): AppMount[] {
  return Object.entries(apps).map(([path, source]) => {
    const dist = resolve(typeof source === 'string' ? source : source.dist);
    const launch = typeof source === 'string' ? 'placement' : (source.launch ?? 'placement');
    if (!launchKinds.includes(launch)) throw new TypeError(`apps: "${path}" has an unknown launch kind`);
    return { path: normalizePath(path), dist, launch };
  });
}

/** The launch kind an app folder declares in its package.json (`"imkit": { "launch": "chat-app" }`). */
function declaredLaunch(appDir: string, name: string): LaunchKind {
  const manifest = join(appDir, 'package.json');
  if (existsSync(manifest)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
      const imkit = (parsed as { imkit?: { launch?: unknown } }).imkit;
      const launch = imkit?.launch;
      if (typeof launch === 'string' && (launchKinds as readonly string[]).includes(launch)) {
        return launch as LaunchKind;
      }
    } catch {
      throw new TypeError(`apps: ${manifest} is not valid JSON`);
    }
  }
  return name === 'install' ? 'install' : 'placement';
}

/**
 * Every `<appsDir>/<name>/dist/index.html` mounted at `<name>/`. The launch kind comes from the app's
 * package.json `imkit.launch`; the folder `install` is the install page; anything else is a placement app.
 */
export function discoverAppMounts(appsDir: string): AppMount[] {
  const root = resolve(appsDir);
  if (!existsSync(root)) throw new TypeError(`apps: the folder ${root} does not exist`);
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'dist', 'index.html')))
    .filter((entry) => handlerPath.test(`${entry.name}/`))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((entry) => ({
      path: `${entry.name}/`,
      dist: join(root, entry.name, 'dist'),
      launch: declaredLaunch(join(root, entry.name), entry.name),
    }));
}
