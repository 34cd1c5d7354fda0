import { useEffect, useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useNavigation } from '../../app/navigationStore';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { BulkChangeForm } from './BulkChangeForm';
import { useChoicesStore } from './choicesStore';
import { ComplianceForm } from './ComplianceForm';
import { DeviceHistoryForm } from './DeviceHistoryForm';
import { useFormsStore, type ReportKind } from './formsStore';
import { usePreviewStore } from './previewStore';
import { ReconciliationForm } from './ReconciliationForm';
import { ReportPreview } from './ReportPreview';
import { ReportTabs } from './ReportTabs';
import { TimeZonePicker } from './TimeZonePicker';
import { VerifyPanel } from './VerifyPanel';
import '../../ui/controls.css';
import './ReportsPage.css';

const forms: Record<ReportKind, () => React.JSX.Element> = {
  bulkChange: BulkChangeForm,
  compliance: ComplianceForm,
  deviceHistory: DeviceHistoryForm,
  reconciliation: ReconciliationForm,
};

/** Reports for the desk and its auditors: preview, export, evidence packs and the audit check. */
export function ReportsPage() {
  const kind = useFormsStore((state) => state.kind);
  const { choicesError, loadChoices } = useChoicesStore(
    useShallow((state) => ({ choicesError: state.error, loadChoices: state.load })),
  );
  const { requested, clearRequest } = useNavigation(
    useShallow((state) => ({
      requested: state.reportBulkChangeId,
      clearRequest: state.clearReportRequest,
    })),
  );
  const panelId = useId();

  useEffect(() => {
    void loadChoices();
  }, [loadChoices]);

  // Opened from a bulk change's "Report…": that change's report, at once.
  useEffect(() => {
    if (requested === null) return;
    const draft = useFormsStore.getState();
    draft.setKind('bulkChange');
    draft.setBulkChangeId(requested);
    usePreviewStore
      .getState()
      .show({ kind: 'bulkChange', bulkChangeId: requested, timeZone: draft.timeZone });
    clearRequest();
  }, [requested, clearRequest]);

  const Form = forms[kind];
  return (
    <section className="reports" aria-labelledby="page-title">
      <div className="reports__head">
        <h1 id="page-title">Reports</h1>
        <span className="reports__spacer" />
        <TimeZonePicker />
      </div>
      {choicesError && <ErrorBanner error={choicesError} onRetry={() => void loadChoices()} />}
      <ReportTabs panelId={panelId} />
      <div
        id={panelId}
        className="reports__panel"
        role="tabpanel"
        aria-labelledby={`report-tab-${kind}`}
      >
        <Form />
        <ReportPreview kind={kind} />
      </div>
      <VerifyPanel />
    </section>
  );
}
