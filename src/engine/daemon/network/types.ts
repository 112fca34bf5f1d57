/** A user-defined bridge network as the daemon keeps it (see network.ts). */
import type { Segment } from '../../kernel/net.js';
import type { AddressPool, Cidr } from './pool.js';

export interface IpamConfigEntry {
  readonly Subnet?: string;
  readonly IPRange?: string;
  readonly Gateway?: string;
}

/** A user-defined bridge network and what it holds in the host. */
export interface UserNetwork {
  readonly id: string;
  readonly name: string;
  readonly createdNs: bigint;
  readonly internal: boolean;
  readonly attachable: boolean;
  readonly labels: Record<string, string>;
  readonly options: Record<string, string>;
  readonly ipamOptions: Record<string, string> | null;
  /** IPAM.Config as inspect shows it (the user's settings, or the subnet the pools gave). */
  readonly ipamConfig: IpamConfigEntry[];
  /** A subnet the user chose: only then does `--ip` work. */
  readonly staticSubnet: boolean;
  readonly subnet: Cidr;
  readonly gateway: string;
  readonly pool: AddressPool;
  /** `br-<12 hex>` */
  readonly iface: string;
  readonly segment: Segment;
  readonly ifIndex: number;
  readonly mac: string;
  /** Endpoints attached now (containers running on it), for carrier and `has active endpoints`. */
  attached: number;
  hadCarrier: boolean;
}
