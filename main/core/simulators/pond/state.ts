import { carrierStatusWords } from '../../carriers/statuses';
import type { SimClock } from '../common/clock';
import type { SimDevice } from '../common/setup';

const words = carrierStatusWords.pond;

/** Where a SIM is in its life; while in service its status follows its service flags. */
type Lifecycle = 'INACTIVE' | 'PENDING' | 'IN_SERVICE' | 'TERMINATED';

export const PackageStatus = ['PENDING', 'ACTIVE', 'TERMINATED'] as const;
export type PackageStatus = (typeof PackageStatus)[number];

/** The package moves POND allows; anything else is a 400. */
const allowedMoves: Record<PackageStatus, readonly PackageStatus[]> = {
  PENDING: ['ACTIVE', 'TERMINATED'],
  ACTIVE: ['TERMINATED'],
  TERMINATED: [],
};

export interface PondDevice {
  iccid: string;
  imei: string | null;
  msisdn: string | null;
  lifecycle: Lifecycle;
  services: Record<string, boolean>;
}

export interface PondPackage {
  id: number;
  iccid: string;
  typeCode: string;
  status: PackageStatus;
  createdAt: string;
  activatedAt: string | null;
  terminatedAt: string | null;
}

export interface PondPackageType {
  code: string;
  name: string;
}

/**
 * Our plan codes are POND PackageTypeIds. The production client stores them as numbers, so a
 * code made of digits travels as a JSON number; the sandbox's readable codes travel as strings.
 */
export const packageTypeIdOnWire = (code: string): string | number =>
  /^\d+$/.test(code) && Number.isSafeInteger(Number(code)) ? Number(code) : code;

/** The status word POND reports for a device. */
export function statusWord(device: PondDevice): string {
  switch (device.lifecycle) {
    case 'INACTIVE':
      return words.inventory;
    case 'PENDING':
      return words.pending;
    case 'TERMINATED':
      return words.deactivated;
    case 'IN_SERVICE':
      return Object.values(device.services).every(Boolean) ? words.active : words.suspended;
  }
}

/** One distributor's SIMs, packages and package types. */
export class PondInventory {
  readonly devices = new Map<string, PondDevice>();
  readonly packageTypes: PondPackageType[];
  private readonly packages = new Map<number, PondPackage>();
  private readonly packagesByIccid = new Map<string, number[]>();
  private nextPackageId = 40_001;

  constructor(
    seed: { devices: SimDevice[]; ratePlans: { code: string; name: string }[] },
    private readonly serviceFlags: readonly string[],
    private readonly clock: SimClock,
  ) {
    this.packageTypes = seed.ratePlans.map(({ code, name }) => ({ code, name }));
    for (const sim of seed.devices) {
      const inService = sim.status === 'active' || sim.status === 'suspended';
      const lifecycle: Lifecycle = inService
        ? 'IN_SERVICE'
        : sim.status === 'deactivated'
          ? 'TERMINATED'
          : sim.status === 'pending'
            ? 'PENDING'
            : 'INACTIVE';
      this.devices.set(sim.iccid, {
        iccid: sim.iccid,
        imei: sim.imei,
        msisdn: sim.msisdn,
        lifecycle,
        services: this.flags(sim.status === 'active'),
      });
      if (sim.ratePlan) {
        if (!this.packageType(sim.ratePlan))
          this.packageTypes.push({ code: sim.ratePlan, name: sim.ratePlan });
        // A terminated SIM's package went with it; every other seeded plan is the line's live package.
        this.addPackage(
          sim.iccid,
          sim.ratePlan,
          lifecycle === 'TERMINATED' ? 'TERMINATED' : 'ACTIVE',
        );
      }
    }
  }

  flags(enabled: boolean): Record<string, boolean> {
    return Object.fromEntries(this.serviceFlags.map((flag) => [flag, enabled]));
  }

  packageType(code: string): PondPackageType | undefined {
    return this.packageTypes.find((type) => type.code === code);
  }

  packagesOf(iccid: string): PondPackage[] {
    return (this.packagesByIccid.get(iccid) ?? []).map((id) => this.packages.get(id)!);
  }

  package(id: number): PondPackage | undefined {
    return this.packages.get(id);
  }

  addPackage(iccid: string, typeCode: string, status: PackageStatus = 'PENDING'): PondPackage {
    const now = this.clock.date().toISOString();
    const created: PondPackage = {
      id: this.nextPackageId,
      iccid,
      typeCode,
      status,
      createdAt: now,
      activatedAt: status === 'PENDING' ? null : now,
      terminatedAt: status === 'TERMINATED' ? now : null,
    };
    this.nextPackageId += 1;
    this.packages.set(created.id, created);
    this.packagesByIccid.set(iccid, [...(this.packagesByIccid.get(iccid) ?? []), created.id]);
    return created;
  }

  /** Whether POND lets a package move from its status to `to`. */
  canMove(pkg: PondPackage, to: PackageStatus): boolean {
    return allowedMoves[pkg.status].includes(to);
  }

  movePackage(pkg: PondPackage, to: PackageStatus): void {
    const now = this.clock.date().toISOString();
    pkg.status = to;
    if (to === 'ACTIVE') pkg.activatedAt = now;
    if (to === 'TERMINATED') pkg.terminatedAt = now;
  }

  /** Purge: the SIM and its packages are gone; later calls about it get 404. */
  purge(iccid: string): void {
    for (const id of this.packagesByIccid.get(iccid) ?? []) this.packages.delete(id);
    this.packagesByIccid.delete(iccid);
    this.devices.delete(iccid);
  }
}
