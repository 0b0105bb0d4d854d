/** `create-imkit` as functions: the project writer and the command line. */
export {
  appNameOf,
  CreateImkitError,
  checkPlacements,
  createProject,
  detectPackageManager,
  findTarball,
  type PackageManager,
  type ProjectOptions,
  templateDir,
} from './create-project.js';
export { type CreateIo, runCreate, usage } from './run-cli.js';
