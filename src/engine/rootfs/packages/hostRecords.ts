/**
 * The host's package records, kept apart from host.ts so the indexes they are made from load with the code
 * that runs after the first prompt (machine/late.ts fills host.ts's slot with hostRecords).
 */
import { NOBLE_INDEX } from './nobleIndex.js';
import { hostInstalled, nobleHostIndex } from './nobleHost.js';
import { dockerNoblePackages } from './docker.js';
import { baseFromList, parseIndex } from './base.js';
import { imageStatus } from './status.js';
import { NOBLE_BASE } from './noble.js';

/**
 * What dpkg and apt record of the server install and Docker's repository (dpkg's status, apt's auto marks),
 * so apt says `curl is already the newest version` and `dpkg -l` lists docker-ce. Their files are the host's
 * programs (addHostPrograms); dpkg keeps no file lists for them here, as it keeps none for the image's packages.
 */
export function hostRecords(): HostRecords {
  if (!records) {
    const known = new Map([...parseIndex(NOBLE_INDEX), ...nobleHostIndex(), ...dockerNoblePackages()].map((p) => [p.name, p]));
    const { packages, auto } = hostInstalled(baseFromList(NOBLE_BASE, 'noble', known), known);
    records = {
      status: imageStatus(packages),
      extendedStates: [...auto].sort().map((n) => `Package: ${n}\nArchitecture: ${packages.get(n)!.arch}\nAuto-Installed: 1\n`).join('\n'),
    };
  }
  return records;
}

/** The texts are module data: made on the first boot, the same for every host after it. */
export interface HostRecords { readonly status: string; readonly extendedStates: string }
let records: HostRecords | undefined;
