import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import './styles.css';

/** sessionStorage key: when this tab last reloaded for a missing chunk (ms since epoch). */
const CHUNK_RELOAD_KEY = 'luoshi:chunk-reload-at';
/** A second missing chunk within this long after such a reload is an error, not another reload. */
const CHUNK_RELOAD_WINDOW_MS = 30_000;

// After a rebuild the old build's hashed chunks are gone, so a tab still running the old
// index.html fails to load a lazy page. Reload once to get the new index.html; if it fails
// again right after that reload, let the error show instead of reloading in a loop.
window.addEventListener('vite:preloadError', (event) => {
  let last = Number.NaN;
  try {
    last = Number(sessionStorage.getItem(CHUNK_RELOAD_KEY));
  } catch {
    return; // No sessionStorage (privacy mode): no guard, so no reload.
  }
  const now = Date.now();
  if (Number.isFinite(last) && last > 0 && now - last >= 0 && now - last < CHUNK_RELOAD_WINDOW_MS) return;
  sessionStorage.setItem(CHUNK_RELOAD_KEY, String(now));
  event.preventDefault();
  window.location.reload();
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
