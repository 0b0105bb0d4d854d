/**
 * The launch form table (`launchFormFields` in @imkit/frame/protocol) against the server that reads the
 * host's form POST: every field the server's launch check reads is a field of the table, read from where
 * the table says the host puts it (form body or handler query). A field the server reads that the host
 * never sends, or reads from the wrong place, fails here.
 */
import { launchFormFields } from '@imkit/frame/protocol';
import { describe, expect, it } from 'vitest';
import { verifyPlacementLaunch } from '../src/placement-launch.js';
import type { InstallationStore } from '../src/store/installation.js';

/** URLSearchParams that remember every name read from them. */
class RecordingParams extends URLSearchParams {
  readonly read = new Set<string>();
  override get(name: string): string | null {
    this.read.add(name);
    return super.get(name);
  }
  override getAll(name: string): string[] {
    this.read.add(name);
    return super.getAll(name);
  }
  override has(name: string): boolean {
    this.read.add(name);
    return super.has(name);
  }
}

const fieldsIn = (where: 'query' | 'body') =>
  Object.entries(launchFormFields)
    .filter(([, spec]) => spec.in === where)
    .map(([name]) => name);

describe('the launch form table and the server’s placement launch check', () => {
  it('reads only table fields, body fields from the body and query fields from the query', async () => {
    const form = new RecordingParams(
      Object.fromEntries(fieldsIn('body').map((name) => [name, name === 'member_id' ? 'member1' : 'x'])),
    );
    const query = new RecordingParams(Object.fromEntries(fieldsIn('query').map((name) => [name, 'x'])));
    let looked = '';
    // An installation store that knows no portal: the check reads the launch, looks it up and refuses.
    const store = {
      findByMemberId: async (memberId: string) => {
        looked = memberId;
        return null;
      },
    } as unknown as InstallationStore;
    await expect(verifyPlacementLaunch(form, query, store)).rejects.toMatchObject({
      code: 'LAUNCH_REFUSED',
    });
    expect(looked).toBe('member1');
    expect(form.read.size).toBeGreaterThan(0);
    for (const name of form.read) expect(fieldsIn('body'), `body field ${name}`).toContain(name);
    for (const name of query.read) expect(fieldsIn('query'), `query field ${name}`).toContain(name);
    expect([...form.read, ...query.read].sort()).toEqual(['APPLICATION_TOKEN', 'DOMAIN', 'member_id']);
  });
});
