import type { SimClock } from '../common/clock';
import type { Inventory, SimLine } from './inventory';
import {
  ALLOWED_FROM,
  IOT_ORDER_FLOW_SUSPEND_RESTORE_PER_DAY,
  MAX_CONTINUOUS_SUSPEND_MS,
  MAX_SUSPENDED_MS_PER_YEAR,
  PLAN_CHANGES_PER_MONTH,
  PROVISIONING_ACTIONS,
  PROVISIONING_ACTIONS_PER_DAY,
  dayKey,
  fault,
  monthKey,
  yearKey,
  type DeviceAction,
  type RuleFault,
} from './rules';
import type { ThingSpaceSimSettings } from './settings';

/** What one device's part of a request asks for. */
export interface JobParams {
  servicePlan?: string;
  etfWaiver?: boolean;
  newIccid?: string;
  newImei?: string;
}

interface Job {
  seq: number;
  /** Undefined when the request named a device the account does not have. */
  line: SimLine | undefined;
  action: DeviceAction;
  params: JobParams;
  dueAt: number;
  status: 'Pending' | 'Success' | 'Failure';
  /** Decided when the request was taken (a quota already used up). */
  preFault?: RuleFault;
  faultString?: string;
}

interface BookedRequest {
  id: string;
  action: DeviceAction;
  jobs: Job[];
}

/** Where a request stands, or why its status can't be given. */
export type StatusAnswer =
  | { kind: 'status'; body: { requestId: string; status: string; faultResponse?: unknown } }
  | { kind: 'unknown' | 'multiDevice' | 'notCovered' };

/** Actions the request-status call is documented for ([doc] VZ-REQSTAT). */
const STATUS_DOCUMENTED: ReadonlySet<DeviceAction> = new Set([
  'activate',
  'deactivate',
  'suspend',
  'restore',
]);

/**
 * ThingSpace's asynchronous engine: every change is accepted with a requestId and processed
 * per device once its latency has passed on the simulated clock. Processing is lazy (on the
 * next call), so it is deterministic and needs no timers.
 */
export class RequestBook {
  private readonly requests = new Map<string, BookedRequest>();
  private readonly pending: Job[] = [];
  private seq = 0;

  constructor(
    private readonly inventory: Inventory,
    private readonly outside: {
      /** The injected per-device failure reason (the simulator's `deviceFailures`). */
      deviceFailure(iccid: string): string | undefined;
      /** Called exactly when a change is applied (the simulator's apply counter). */
      applied(iccid: string, operation: string): void;
    },
    private readonly settings: () => ThingSpaceSimSettings,
    private readonly clock: SimClock,
    private readonly newId: () => string,
  ) {}

  /** A quota the line has already used up in the current day or month, if any. */
  quotaFault(action: DeviceAction, line: SimLine): RuleFault | undefined {
    const now = this.clock.now();
    if (PROVISIONING_ACTIONS.has(action)) {
      const limit = this.dailyLimit(action);
      const used = line.quotaDay === dayKey(now) ? line.actionsOnDay : 0;
      if (used >= limit) return fault.dailyQuota(limit);
    }
    if (action === 'plan') {
      const used = line.planMonth === monthKey(now) ? line.planChangesInMonth : 0;
      if (used >= PLAN_CHANGES_PER_MONTH) return fault.planQuota();
    }
    return undefined;
  }

  /** A transition or precondition the line breaks right now, if any. */
  stateFault(action: DeviceAction, line: SimLine, params: JobParams): RuleFault | undefined {
    if (action === 'plan' && line.state === 'suspend') return fault.planWhileSuspended();
    if (!ALLOWED_FROM[action].includes(line.state)) return fault.wrongState(action, line.state);
    if (action === 'suspend' && this.suspendedMsThisYear(line) >= MAX_SUSPENDED_MS_PER_YEAR)
      return fault.suspendYearCap();
    if (action === 'deviceId') {
      if (!line.msisdn) return fault.noMdn();
      if (params.newIccid && this.inventory.holds('iccid', params.newIccid))
        return fault.idExists('iccid');
      if (params.newImei && this.inventory.holds('imei', params.newImei))
        return fault.idExists('imei');
    }
    return undefined;
  }

  /** Takes a request: counts it against the line's quotas and schedules each device. */
  submit(
    action: DeviceAction,
    entries: { line: SimLine | undefined; params: JobParams; fault?: RuleFault }[],
  ) {
    const now = this.clock.now();
    const settings = this.settings();
    const latency = action === 'activate' ? settings.activationLatencyMs : settings.changeLatencyMs;
    const request: BookedRequest = { id: this.newId(), action, jobs: [] };
    for (const entry of entries) {
      const { line } = entry;
      const preFault = entry.fault ?? (line ? this.quotaFault(action, line) : fault.notFound());
      // Every request the carrier takes for a line uses its quota, even one that later fails.
      if (line && !preFault) {
        this.count(action, line, now);
        if (action === 'activate' && ALLOWED_FROM.activate.includes(line.state))
          line.pendingActivation = true;
      }
      const job: Job = {
        seq: (this.seq += 1),
        line,
        action,
        params: entry.params,
        dueAt: now + latency,
        status: 'Pending',
        preFault,
      };
      request.jobs.push(job);
      this.pending.push(job);
    }
    this.requests.set(request.id, request);
    return { requestId: request.id };
  }

  /** Finishes every job whose time has come, oldest first; `all` finishes them regardless. */
  processDue(all = false): void {
    const now = this.clock.now();
    this.autoResume(now);
    const due = this.pending
      .filter((job) => all || job.dueAt <= now)
      .sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq);
    for (const job of due) {
      this.pending.splice(this.pending.indexOf(job), 1);
      this.finish(job, now);
    }
  }

  /** The documented status answer: only for a single-device request. */
  status(id: string): StatusAnswer {
    const request = this.requests.get(id);
    if (!request) return { kind: 'unknown' };
    if (request.jobs.length !== 1) return { kind: 'multiDevice' };
    if (!this.settings().statusCoversAllActions && !STATUS_DOCUMENTED.has(request.action))
      return { kind: 'notCovered' };
    const job = request.jobs[0]!;
    const body: { requestId: string; status: string; faultResponse?: unknown } = {
      requestId: id,
      status: job.status,
    };
    if (job.status === 'Failure' && this.settings().statusShowsFault)
      body.faultResponse = { faultstring: job.faultString };
    return { kind: 'status', body };
  }

  private finish(job: Job, now: number): void {
    const { line } = job;
    const problem =
      job.preFault?.text ??
      (line
        ? (this.outside.deviceFailure(line.iccid) ??
          this.stateFault(job.action, line, job.params)?.text)
        : fault.notFound().text);
    if (line && job.action === 'activate') line.pendingActivation = false;
    if (problem !== undefined || !line) {
      job.status = 'Failure';
      job.faultString = problem;
      return;
    }
    this.outside.applied(line.iccid, job.action);
    this.apply(line, job, now);
    job.status = 'Success';
  }

  private apply(line: SimLine, { action, params }: Job, now: number): void {
    switch (action) {
      case 'activate':
        line.state = 'active';
        line.msisdn ??= this.inventory.freshMsisdn(now);
        line.servicePlan = params.servicePlan ?? line.servicePlan;
        line.lastActivationDate = now;
        return;
      case 'suspend':
        line.state = 'suspend';
        line.suspendedAt = now;
        return;
      case 'restore':
        this.endSuspension(line, now);
        return;
      case 'deactivate':
        line.state = 'deactive';
        line.etfCharged = params.etfWaiver !== true;
        if (line.msisdn) this.inventory.reserve(line.msisdn, now);
        line.msisdn = null;
        line.servicePlan = null;
        return;
      case 'plan':
        line.servicePlan = params.servicePlan ?? line.servicePlan;
        return;
      case 'deviceId':
        line.iccid = params.newIccid ?? line.iccid;
        line.imei = params.newImei ?? line.imei;
        return;
    }
  }

  /** ThingSpace returns a line to active after 90 continuous suspended days. */
  private autoResume(now: number): void {
    for (const line of this.inventory.lines) {
      if (line.state === 'suspend' && line.suspendedAt !== null) {
        const limit = line.suspendedAt + MAX_CONTINUOUS_SUSPEND_MS;
        if (limit <= now) this.endSuspension(line, limit);
      }
    }
  }

  private endSuspension(line: SimLine, at: number): void {
    if (line.suspendedAt !== null) {
      this.suspendedMsThisYear(line, at);
      line.suspendedMsInYear += at - line.suspendedAt;
    }
    line.state = 'active';
    line.suspendedAt = null;
  }

  private suspendedMsThisYear(line: SimLine, now = this.clock.now()): number {
    if (line.suspendYear !== yearKey(now)) {
      line.suspendYear = yearKey(now);
      line.suspendedMsInYear = 0;
    }
    return line.suspendedMsInYear;
  }

  private dailyLimit(action: DeviceAction): number {
    const orderFlow =
      this.settings().iotOrderFlow && (action === 'suspend' || action === 'restore');
    return orderFlow ? IOT_ORDER_FLOW_SUSPEND_RESTORE_PER_DAY : PROVISIONING_ACTIONS_PER_DAY;
  }

  private count(action: DeviceAction, line: SimLine, now: number): void {
    if (PROVISIONING_ACTIONS.has(action)) {
      if (line.quotaDay !== dayKey(now)) {
        line.quotaDay = dayKey(now);
        line.actionsOnDay = 0;
      }
      line.actionsOnDay += 1;
    }
    if (action === 'plan') {
      if (line.planMonth !== monthKey(now)) {
        line.planMonth = monthKey(now);
        line.planChangesInMonth = 0;
      }
      line.planChangesInMonth += 1;
    }
  }
}
