import { useRef, useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useProgressStore } from '../../app/progressStore';
import { inDesktopApp } from '../../api/client';
import { cancelRunning, openFile, openWithDialog } from './importCalls';
import { useImportStore } from './importStore';
import { TaskProgress } from './TaskProgress';
import './DropZone.css';

const carriesFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/** Where a customer's spreadsheet (or an exported draft) comes in: dropped, or picked. */
export function DropZone() {
  const { busy, replacing } = useImportStore(
    useShallow((state) => ({
      busy: state.busy,
      replacing: state.source?.kind === 'file' ? state.source.sheet.fileName : null,
    })),
  );
  const progress = useProgressStore((state) => state.running['import:open']);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const take = (files: FileList | null) => {
    const [file, ...others] = files ? [...files] : [];
    if (!file) return;
    if (others.length > 0) {
      const message = `${others.length + 1} files were dropped; drop one file at a time.`;
      useImportStore.setState({ error: { code: 'invalid_request', message }, notice: null });
      return;
    }
    void openFile(file);
  };

  if (busy === 'open')
    return (
      <div className="drop-zone drop-zone--busy">
        <TaskProgress
          label="Reading the file…"
          progress={progress}
          onCancel={() => void cancelRunning()}
        />
      </div>
    );
  return (
    <div
      className="drop-zone"
      role="region"
      aria-label="Drop a file here"
      data-over={over || undefined}
      onDragEnter={(event) => carriesFiles(event) && setOver(true)}
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        if (busy === null) take(event.dataTransfer.files);
      }}
    >
      <p className="drop-zone__title">Drop a customer’s xlsx, xls or csv here, or</p>
      <button
        type="button"
        className="button button--primary"
        disabled={busy !== null}
        onClick={() => (inDesktopApp ? void openWithDialog() : input.current?.click())}
      >
        Open file…
      </button>
      <p className="drop-zone__hint">
        A draft exported from another workstation (.json) opens here too. Files up to 50 MB.
        {replacing && ` The file opens in place of ${replacing}.`}
      </p>
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        accept=".xlsx,.xls,.csv,.json"
        tabIndex={-1}
        aria-hidden
        onChange={(event) => {
          take(event.target.files);
          // The same file can be picked again after fixing it in Excel.
          event.target.value = '';
        }}
      />
    </div>
  );
}
