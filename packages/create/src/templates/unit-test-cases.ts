/**
 * Test cases several generated apps share: a REST handler the portal refuses, the REST failure shown
 * with its code, and an invalid PLACEMENT_OPTIONS value refused before any REST call.
 */

/** A top-level `denied` handler: the portal answers ACCESS_ERROR. */
export const deniedHandler = `const denied: RestHandler = () => {
  throw new RestError({ code: 'ACCESS_ERROR', description: 'No access', status: 403, method: 'x' });
};
`;

/** The app rendered with `frame`; after `act` (statements, indented), the alert names ACCESS_ERROR. */
export function restFailureTest(frame: string, act = ''): string {
  return `  it('shows a REST failure with its code', async () => {
    render(<App frame={${frame}} />);
${act}    expect((await screen.findByRole('alert')).textContent).toContain('ACCESS_ERROR');
  });
`;
}

export interface RefusedOption {
  readonly title: string;
  /** The fake frame with the bad option. */
  readonly frame: string;
  /** The store call that must refuse: `load()`. */
  readonly call: string;
  /** The `Remote` that ends in the error, and the error's code. */
  readonly remote: string;
  readonly code: string;
}

export function refusedOptionTest(refused: RefusedOption): string {
  return `  it('${refused.title}', async () => {
    const frame = ${refused.frame};
    const store = createAppStore(frame);
    await store.getState().${refused.call};
    expect(store.getState().${refused.remote}).toMatchObject({ status: 'error', error: { code: '${refused.code}' } });
    expect(frame.calls).toEqual([]);
  });
`;
}
