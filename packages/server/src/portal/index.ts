export {
  createPortalClients,
  type PortalClient,
  type PortalClients,
  type PortalClientsOptions,
  type PortalListOptions,
} from './portal-clients.js';
export type { PortalClientFailure } from './portal-failure.js';
export { defaultPortalRateLimit, type PortalRateLimit } from './rate-budget.js';
