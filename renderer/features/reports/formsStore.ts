import { create } from 'zustand';
import type { ReportSpec } from '../../../shared/contract/reports';
import type { Carrier } from '../../../shared/domain/carriers';
import type { ChangeType, DeviceChangeStatus } from '../../../shared/domain/changes';
import { usePreviewStore } from './previewStore';

export type ReportKind = ReportSpec['kind'];

/** The compliance report's filters as the form holds them; null or empty means "any". */
export interface ComplianceDraft {
  /** Days, YYYY-MM-DD, on the report's time zone. */
  from: string;
  to: string;
  tenantId: number | null;
  carrier: Carrier | null;
  changeType: ChangeType | null;
  user: string;
  outcome: DeviceChangeStatus | null;
}

/** This computer's own zone, the one the desk expects unless told otherwise. */
export const computerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A day `daysAgo` before today on this computer's calendar, as YYYY-MM-DD. */
export function dayBefore(daysAgo: number): string {
  const day = new Date();
  day.setDate(day.getDate() - daysAgo);
  return [day.getFullYear(), day.getMonth() + 1, day.getDate()]
    .map((part) => String(part).padStart(2, '0'))
    .join('-');
}

interface FormsState {
  kind: ReportKind;
  timeZone: string;
  bulkChangeId: number | null;
  compliance: ComplianceDraft;
  identifier: string;
  /** The bulk change whose reconciliations are listed and run. */
  reconcileBulkChangeId: number | null;
  setKind(kind: ReportKind): void;
  /** Another zone: the report on screen is read again in it, so preview and export agree. */
  setTimeZone(timeZone: string): void;
  setBulkChangeId(bulkChangeId: number | null): void;
  setCompliance(patch: Partial<ComplianceDraft>): void;
  setIdentifier(identifier: string): void;
  setReconcileBulkChangeId(bulkChangeId: number | null): void;
}

/** What each report's form holds, kept while the desk moves between the report kinds. */
export const useFormsStore = create<FormsState>()((set) => ({
  kind: 'bulkChange',
  timeZone: computerZone(),
  bulkChangeId: null,
  compliance: {
    from: dayBefore(30),
    to: dayBefore(0),
    tenantId: null,
    carrier: null,
    changeType: null,
    user: '',
    outcome: null,
  },
  identifier: '',
  reconcileBulkChangeId: null,
  setKind: (kind) => set({ kind }),
  setTimeZone(timeZone) {
    set({ timeZone });
    const preview = usePreviewStore.getState();
    if (preview.spec) preview.show({ ...preview.spec, timeZone });
  },
  setBulkChangeId: (bulkChangeId) => set({ bulkChangeId }),
  setCompliance: (patch) => set((state) => ({ compliance: { ...state.compliance, ...patch } })),
  setIdentifier: (identifier) => set({ identifier }),
  setReconcileBulkChangeId: (reconcileBulkChangeId) => set({ reconcileBulkChangeId }),
}));

/** The compliance report the form describes; "any" filters are left out. */
export function complianceSpec(draft: ComplianceDraft, timeZone: string): ReportSpec {
  const user = draft.user.trim();
  return {
    kind: 'compliance',
    from: draft.from,
    to: draft.to,
    timeZone,
    ...(draft.tenantId !== null ? { tenantId: draft.tenantId } : {}),
    ...(draft.carrier !== null ? { carrier: draft.carrier } : {}),
    ...(draft.changeType !== null ? { changeType: draft.changeType } : {}),
    ...(user ? { user } : {}),
    ...(draft.outcome !== null ? { outcome: draft.outcome } : {}),
  };
}
