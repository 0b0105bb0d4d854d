/**
 * The app's name: its folder `apps/<name>/`, its handler path `<name>/`, its package `@imkit/app-<name>`
 * and its vitest project. It must be a valid npm package name segment that is also a plain URL path
 * segment: lower case letters, digits, `-`, `.` and `_`, starting with a letter or digit.
 */

export const maxAppNameLength = 40;

const reserved = new Set(['node_modules', 'favicon.ico', 'dist', 'e2e']);

/** Why `name` cannot be an app name, or null when it can. */
export function appNameProblem(name: string): string | null {
  if (name === '') return 'name is required';
  if (name.length > maxAppNameLength) return `name must be at most ${maxAppNameLength} characters`;
  if (name !== name.toLowerCase()) return `name "${name}" must be lower case (npm package names are)`;
  if (!/^[a-z0-9]/.test(name)) return `name "${name}" must start with a letter or a digit`;
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) {
    return `name "${name}" is not a valid package name: use only a-z, 0-9, "-", "." and "_"`;
  }
  if (/[._-]$/.test(name)) return `name "${name}" must end with a letter or a digit`;
  if (reserved.has(name)) return `name "${name}" is reserved`;
  return null;
}

/** `@imkit/app-<name>`, the workspace package name of the generated app. */
export function appPackageName(name: string): string {
  return `@imkit/app-${name}`;
}
