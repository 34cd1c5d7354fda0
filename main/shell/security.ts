import { app, session, shell } from 'electron';

/**
 * App-wide policy: no new windows, no navigation away from the UI, no webviews, every
 * permission request denied. The page never needs the camera, location or notifications (the
 * console's own notifications come from main).
 */
export function applySecurityPolicy(isTrustedUrl: (url: string) => boolean): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      // Only documentation links open, and only in the user's browser.
      if (/^https:\/\//.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
