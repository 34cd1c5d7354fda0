import { pages, type PageId } from './pages';
import './Sidebar.css';

interface Props {
  current: PageId;
  onSelect: (page: PageId) => void;
}

/** The product name and the console's sections. */
export function Sidebar({ current, onSelect }: Props) {
  return (
    <aside className="sidebar">
      <p className="sidebar__brand">Carrier Ops Console</p>
      <nav aria-label="Sections">
        <ul className="sidebar__list">
          {pages.map((page) => (
            <li key={page.id}>
              <button
                type="button"
                className="sidebar__link"
                aria-current={page.id === current ? 'page' : undefined}
                onClick={() => onSelect(page.id)}
              >
                {page.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
}
