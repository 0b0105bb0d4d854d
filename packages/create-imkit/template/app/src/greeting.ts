/** What the app shows once the host has launched it: plain logic, unit-tested in test/. */
export interface LaunchFacts {
  readonly placement: string;
  readonly userId: number | null;
}

export function greeting(facts: LaunchFacts): string {
  const who = facts.userId === null ? 'someone' : `user ${facts.userId}`;
  return `Hello, ${who}! This is ${facts.placement}.`;
}
