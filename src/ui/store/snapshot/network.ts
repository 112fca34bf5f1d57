/**
 * The default bridge as the panel draws it: docker0 with its gateway, and each container with an endpoint
 * (running ones; a stopped container gives its address back). Derived from the container views, so it needs
 * no snapshot of its own.
 */
import { DEFAULT_BRIDGE, ipToInt } from '../../../engine/daemon/ipam.js';
import type { ContainerView } from './types.js';

export interface EndpointView {
  readonly id: string;
  readonly name: string;
  readonly ip: string;
  readonly mac: string;
}

export interface BridgeView {
  readonly name: string;
  readonly iface: string;
  readonly subnet: string;
  readonly gateway: string;
  /** By address. */
  readonly endpoints: readonly EndpointView[];
}

export function bridgeView(containers: readonly ContainerView[]): BridgeView {
  const endpoints = containers
    .filter((c) => c.ip !== '')
    .map((c) => ({ id: c.id, name: c.name, ip: c.ip, mac: c.mac }))
    .sort((a, b) => ipToInt(a.ip) - ipToInt(b.ip));
  return {
    name: DEFAULT_BRIDGE.name,
    iface: DEFAULT_BRIDGE.iface,
    subnet: DEFAULT_BRIDGE.subnet,
    gateway: `${DEFAULT_BRIDGE.gateway}/${DEFAULT_BRIDGE.prefixLen}`,
    endpoints,
  };
}
