/** Types of what `scripts/pack-packages.mjs` exports (bench imports it). */
export const repoRoot: string;

export class PackError extends Error {}

export interface PublishablePackage {
  readonly name: string;
  readonly dir: string;
  readonly manifest: Readonly<Record<string, unknown>>;
}

export interface PackedPackage extends PublishablePackage {
  readonly tarball: string;
  readonly bytes: number;
}

export function publishablePackages(): PublishablePackage[];

/** Packs every publishable package into `dest` (after `pnpm build`). */
export function packPackages(dest: string): PackedPackage[];
