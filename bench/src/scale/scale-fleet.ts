/**
 * One run of the scale scenario for one kind of fleet (`imkit` or the `naive` per-process client): a fresh
 * emulated portal with its bucket (2/s, burst 50), short token lifetime and operating-time cost on, the
 * OAuth witness, a fresh database on the shared PostgreSQL and three server processes on it. Returns what
 * was observed; the figures are computed from it (`scale-figures.ts`).
 *
 * 1. install through process 0's ONAPPINSTALL; wait (bounded) for the declared bindings
 * 2. launches: one process alone, then all three at once (imkit only: the launch path is the same)
 * 3. mixed load on all three: portal calls that need refreshing and launches; midway the portal
 *    uninstalls the app (its bindings go, ONAPPUNINSTALL to process 1), it is installed again through
 *    process 2, and process 2 is killed with SIGKILL right after it acknowledged that install
 * 4. settle: wait (bounded) for the declared bindings again; read the emulator's bindings
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { type RunningEmulator, startEmulator } from '@imkit/emulator';
import type { AppDeclaration } from '@imkit/installer';
import { type ChildTarget, startChildTarget } from '../child-target.js';
import { installEventForm, type LaunchingPortal, placementLaunch } from '../server/bench-installation.js';
import { type LoadRequest, type LoadResult, runLoad } from '../server/load-generator.js';
import { adminRest } from './admin-rest.js';
import { type OAuthWitness, startOAuthWitness } from './oauth-witness.js';
import type { PostgresCluster } from './postgres-cluster.js';
import { declaredBindings, fleetHandlerBase } from './scale-declarations.js';
import { type BindingKey, compareBindings, type RestAnswer } from './scale-figures.js';
import { waitUntil } from './wait-until.js';

export type FleetKind = 'imkit' | 'naive';

export interface FleetObservation {
  readonly kind: FleetKind;
  readonly witness: OAuthWitness['exchanges'];
  readonly proofRefreshTokens: ReadonlySet<string>;
  /** Expiry (unix s) of each token pair the emulator minted, by refresh token. */
  readonly expiresByRefreshToken: ReadonlyMap<string, number>;
  /** Every REST answer the emulator gave the fleet (the bench's own calls come from another address). */
  readonly answers: readonly RestAnswer[];
  readonly portalCalls: { readonly ok: number; readonly failed: number };
  /** Install acknowledged by the killed process, and whether the bindings were complete afterwards. */
  readonly killEpisode: {
    readonly acknowledged: boolean;
    readonly completeAfter: boolean;
    readonly waitedMs: number;
  };
  readonly bindings: readonly BindingKey[];
  /** req/s of launches on one process and on three at once (imkit only). */
  readonly launches: { readonly one: number; readonly three: number; readonly failed: number } | null;
}

const targetFile = fileURLToPath(new URL('./scale-target.ts', import.meta.url));
const tokenTtlSeconds = 4;
const operatingMsPerCall = 6000;
const mixedLoadMs = 30_000;
const bindingsBoundMs = 60_000;

function eventRequest(url: string, form: string): Promise<Response> {
  return fetch(new URL('events', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form,
    signal: AbortSignal.timeout(15_000),
  });
}

function boundKeys(emulator: RunningEmulator): BindingKey[] {
  return emulator.state.bindings.map((b) => ({ placement: b.placement, handler: b.handler }));
}

function perSecond(results: readonly LoadResult[]): number {
  const completed = results.reduce((sum, r) => sum + r.completed, 0);
  const ms = Math.max(...results.map((r) => r.durationMs));
  return ms > 0 ? (completed / ms) * 1000 : 0;
}

export async function runFleet(
  kind: FleetKind,
  cluster: PostgresCluster,
  declarations: readonly AppDeclaration[],
  log: (line: string) => void,
): Promise<FleetObservation> {
  const declared = declaredBindings(declarations);
  const complete = () => {
    const { missing, duplicated } = compareBindings(declared, boundKeys(emulator), fleetHandlerBase);
    return missing === 0 && duplicated === 0;
  };
  const emulator = await startEmulator({
    port: 0,
    fresh: true,
    stateFile: null,
    rateLimit: { perSecond: 2, burst: 50 },
    shell: false,
    faults: { tokenTtlSeconds, operatingMsPerCall },
  });
  const answers: RestAnswer[] = [];
  const unsubscribe = emulator.runtime.events.subscribe((event) => {
    if (event.name !== 'traffic') return;
    const error = event.data.body.error;
    answers.push({ status: event.data.status, error: typeof error === 'string' ? error : null });
  });
  const processes: ChildTarget<{ url: string }>[] = [];
  let witness: OAuthWitness | null = null;
  try {
    witness = await startOAuthWitness(emulator.origin);
    const admin = emulator.applicationToken(1);
    const env = {
      ...process.env,
      DATABASE_URL: await cluster.createDatabase(),
      IMKIT_OAUTH_URL: witness.tokenUrl,
      IMKIT_CLIENT_ID: admin.client_id,
      IMKIT_CLIENT_SECRET: admin.client_secret,
      IMKIT_SESSION_SECRET: randomBytes(32).toString('hex'),
    };
    for (let i = 0; i < 3; i++) {
      processes.push(
        await startChildTarget({
          name: `scale ${kind} process ${i}`,
          file: targetFile,
          args: [kind],
          env,
          read: ({ url }) => (typeof url === 'string' ? { url } : null),
        }),
      );
    }
    const urls = processes.map((p) => p.started.url);
    log(`${kind}: 3 processes on one PostgreSQL database (pids ${processes.map((p) => p.pid).join(', ')})`);

    const applicationToken = randomBytes(16).toString('hex');
    const proofRefreshTokens = new Set<string>();
    const portalOf = (): LaunchingPortal => {
      const token = emulator.applicationToken(1);
      proofRefreshTokens.add(token.refresh_token);
      return {
        domain: emulator.domain,
        origin: emulator.origin,
        memberId: token.member_id,
        accessToken: token.access_token,
        refreshToken: token.refresh_token,
        applicationToken,
      };
    };
    const installed = await eventRequest(urls[0]!, installEventForm(portalOf()));
    if (installed.status !== 200)
      throw new Error(`scale ${kind}: ONAPPINSTALL answered ${installed.status}: ${await installed.text()}`);
    const memberId = admin.member_id;
    const firstBindings = await waitUntil(complete, bindingsBoundMs);
    log(
      `${kind}: installed; declared bindings ${firstBindings ? 'complete' : 'NOT complete within the bound'}`,
    );

    const launch = placementLaunch({ ...portalOf(), memberId });
    const launchRequest: LoadRequest = {
      method: 'POST',
      path: `/im-sidebar/?${launch.query}`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: launch.body,
    };
    let launches: FleetObservation['launches'] = null;
    if (kind === 'imkit') {
      const check = await runLoad({
        url: urls[0]!,
        request: launchRequest,
        total: 1,
        concurrency: 1,
        timeCapMs: 5000,
      });
      if (check.failed > 0) throw new Error(`scale ${kind}: a placement launch is not answered with 200`);
      await runLoad({
        url: urls[0]!,
        request: launchRequest,
        total: 300,
        concurrency: 16,
        timeCapMs: 10_000,
      });
      const one = await runLoad({
        url: urls[0]!,
        request: launchRequest,
        total: 1500,
        concurrency: 16,
        timeCapMs: 10_000,
      });
      const three = await Promise.all(
        urls.map((url) =>
          runLoad({ url, request: launchRequest, total: 500, concurrency: 6, timeCapMs: 10_000 }),
        ),
      );
      launches = {
        one: perSecond([one]),
        three: perSecond(three),
        failed: one.failed + three.reduce((sum, r) => sum + r.failed, 0),
      };
      log(`${kind}: launches ${launches.one.toFixed(0)}/s on 1 process, ${launches.three.toFixed(0)}/s on 3`);
    }

    const callRequest: LoadRequest = {
      method: 'POST',
      path: '/bench/portal-call',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ member_id: memberId }).toString(),
    };
    answers.length = 0;
    const started = performance.now();
    // Process 2 is killed after half the time: its load stops then, so nothing spins on a refused port.
    const mixed = urls.map((url, i) => {
      const timeCapMs = i === 2 ? mixedLoadMs / 2 : mixedLoadMs;
      return Promise.all([
        runLoad({
          url,
          request: callRequest,
          total: 100_000,
          concurrency: 3,
          timeCapMs,
          requestTimeoutMs: 20_000,
        }),
        runLoad({ url, request: launchRequest, total: 100_000, concurrency: 1, timeCapMs }),
      ]);
    });
    const ticker = setInterval(() => {
      const refused = answers.filter((a) => a.status === 503 || a.status === 429).length;
      log(
        `${kind}: ${((performance.now() - started) / 1000).toFixed(0)} s, portal answers ${answers.length}, refused ${refused}, OAuth exchanges ${witness?.exchanges.length ?? 0}`,
      );
    }, 5000);
    let killEpisode: FleetObservation['killEpisode'] = {
      acknowledged: false,
      completeAfter: false,
      waitedMs: 0,
    };
    let portalCalls = { ok: 0, failed: 0 };
    try {
      await new Promise((resolve) => setTimeout(resolve, mixedLoadMs / 2));
      // The portal removes an uninstalled app's placements itself, then tells the app.
      const unbinder = emulator.applicationToken(1).access_token;
      for (const binding of emulator.state.bindings.filter((b) => b.handler.startsWith(fleetHandlerBase))) {
        const unbound = await adminRest(emulator.origin, unbinder, 'placement.unbind', {
          PLACEMENT: binding.placement,
          HANDLER: binding.handler,
        });
        if (unbound.status !== 200)
          throw new Error(
            `scale ${kind}: placement.unbind answered ${unbound.status}: ${JSON.stringify(unbound.body)}`,
          );
      }
      const uninstalled = await eventRequest(
        urls[1]!,
        new URLSearchParams({
          event: 'ONAPPUNINSTALL',
          'auth[member_id]': memberId,
          'auth[domain]': emulator.domain,
          'auth[application_token]': applicationToken,
        }).toString(),
      );
      log(
        `${kind}: uninstalled through process 1 (${uninstalled.status}); installing again through process 2`,
      );
      const reinstalled = await eventRequest(urls[2]!, installEventForm(portalOf()));
      processes[2]!.kill();
      await processes[2]!.exited;
      log(
        `${kind}: process 2 acknowledged the install with ${reinstalled.status} and was killed with SIGKILL`,
      );
      const killedAt = performance.now();
      const completeAfter = await waitUntil(complete, bindingsBoundMs);
      killEpisode = {
        acknowledged: reinstalled.status === 200,
        completeAfter,
        waitedMs: performance.now() - killedAt,
      };
      log(
        `${kind}: bindings after the kill ${completeAfter ? 'complete' : 'NOT complete'} after ${(killEpisode.waitedMs / 1000).toFixed(1)} s`,
      );
    } finally {
      const results = await Promise.all(mixed);
      clearInterval(ticker);
      const calls = results.map(([calls]) => calls);
      portalCalls = {
        ok: calls.reduce((sum, r) => sum + r.completed, 0),
        failed: calls.reduce((sum, r) => sum + r.failed, 0),
      };
    }
    return {
      kind,
      witness: witness.exchanges,
      proofRefreshTokens,
      expiresByRefreshToken: new Map(emulator.state.tokens.map((t) => [t.refreshToken, t.expires])),
      answers: [...answers],
      portalCalls,
      killEpisode,
      bindings: boundKeys(emulator),
      launches,
    };
  } finally {
    unsubscribe();
    for (const child of processes) child.stop();
    await Promise.all(
      processes.map((child) => Promise.race([child.exited, new Promise((r) => setTimeout(r, 5000))])),
    );
    for (const child of processes) child.kill();
    await witness?.close();
    await emulator.close();
  }
}
