/**
 * The `RestCaller` a job uses for one installation: by default the shared portal client
 * (`createPortalClients(...).portal(memberId)`: refresh once across processes, shared rate budget).
 */
import type { RestCaller } from '@imkit/frame';
import type { PortalClients } from '../portal/portal-clients.js';
import type { Installation } from '../store/installation.js';

/** Gives the REST caller for an installation (its portal, its tokens). */
export type InstallationRestFactory = (installation: Installation) => RestCaller;

/**
 * The jobs' REST callers from the server's portal clients. A job has just read the installation from the
 * store (a reinstall may have replaced its tokens), so what this process cached of it is dropped first.
 */
export function portalRestFactory(clients: PortalClients): InstallationRestFactory {
  return (installation) => {
    clients.forget(installation.memberId);
    return clients.portal(installation.memberId);
  };
}
