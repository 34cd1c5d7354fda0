import { useEffect, useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useDevicesStore } from './store';
import './SearchBox.css';

/** Long enough to finish typing a number, short enough to feel live. */
const TYPING_PAUSE_MS = 250;

/** Finds devices by ICCID, IMEI or MSISDN, whole or by their first digits. */
export function SearchBox() {
  const { draft, setDraft, applySearch } = useDevicesStore(
    useShallow((state) => ({
      draft: state.searchDraft,
      setDraft: state.setSearchDraft,
      applySearch: state.applySearch,
    })),
  );
  const id = useId();

  useEffect(() => {
    const timer = setTimeout(applySearch, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft, applySearch]);

  return (
    <div className="search-box">
      <label className="visually-hidden" htmlFor={id}>
        Search ICCID, IMEI or MSISDN
      </label>
      <input
        id={id}
        className="search-box__input mono"
        type="search"
        placeholder="Search ICCID, IMEI or MSISDN"
        autoComplete="off"
        spellCheck={false}
        maxLength={64}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') applySearch();
        }}
      />
    </div>
  );
}
