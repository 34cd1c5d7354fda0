// The palette and base type first, so each component's own CSS can build on them.
import './ui/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api/client';
import { App } from './app/App';
import { listenToCore } from './app/events';
import { listenToWindow } from './app/windowInput';
import { useWorkspaceStore } from './app/workspaceStore';

listenToCore(api);
listenToWindow();
void useWorkspaceStore.getState().load();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
