import { useShallow } from 'zustand/react/shallow';
import { DevicesPage } from '../features/devices/DevicesPage';
import { ImportPage } from '../features/import/ImportPage';
import { BulkChangesPage } from '../features/bulk/BulkChangesPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { SchedulePage } from '../features/schedule/SchedulePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Header } from './Header';
import { useNavigation } from './navigationStore';
import { pages, type Page, type PageId } from './pages';
import { Sidebar } from './Sidebar';
import { useWorkspaceStore } from './workspaceStore';
import './App.css';

const built: Record<PageId, () => React.JSX.Element> = {
  devices: DevicesPage,
  import: ImportPage,
  'bulk-changes': BulkChangesPage,
  schedule: SchedulePage,
  reports: ReportsPage,
  settings: SettingsPage,
};

function render(page: Page) {
  const Section = built[page.id];
  return <Section />;
}

/** The frame: sections on the left, the workspace on top, the chosen section below. */
export function App() {
  const current: PageId = useNavigation((state) => state.page);
  const setCurrent = useNavigation((state) => state.go);
  const { opened, error, load } = useWorkspaceStore(
    useShallow((state) => ({ opened: state.info !== null, error: state.error, load: state.load })),
  );
  const page = pages.find((candidate) => candidate.id === current) ?? pages[0];
  return (
    <div className="app">
      <Sidebar current={current} onSelect={setCurrent} />
      <div className="app__column">
        <Header />
        {error && (
          <div className="app__notice">
            <ErrorBanner error={error} onRetry={() => void load()} />
          </div>
        )}
        {/* A workspace that never opened has nothing to show, only the reason above. */}
        {(opened || !error) && <main className="app__page">{render(page)}</main>}
      </div>
    </div>
  );
}
