/** The command line from the issue: an IM_SIDEBAR app named my-app, created from flags alone. */
export const issueExampleArgv: readonly string[] = [
  '--name',
  'my-app',
  '--placement',
  'IM_SIDEBAR',
  '--title',
  'My app',
  '--icon',
  'fa-book',
  '--yes',
];
