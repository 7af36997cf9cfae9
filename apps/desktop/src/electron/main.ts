import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import { hostname } from 'node:os';
import path from 'node:path';
import { createBridgeHandler, createDesktopApp } from '../main/app/index.ts';
import type { DesktopApp } from '../main/app/types.ts';
import { BRIDGE_METHODS, EVENT_CHANNEL, invokeChannel, type BridgeEvent } from '../shared/bridge.ts';
import { APP_ENTRY, APP_ORIGIN, APP_SCHEME, createRendererHandler, isAppUrl } from './renderer-protocol.ts';
import { createSafeStorageVault } from './safe-storage-vault.ts';
import { isPlatformLink, newQuestionsNotice, readPlatformUrl } from './shell-config.ts';

/**
 * The Electron main process: a thin shell. Everything with behaviour (store, sync, outbox, bridge validation)
 * lives in src/main and is tested under Node; this file only wires it to windows, IPC and the OS.
 * Built by scripts/build-shell.mjs into dist/electron/main.cjs, next to preload.cjs; dist/renderer is vite's.
 */

const APP_ID = 'com.vitrine.seller';
const APP_NAME = 'Vitrine Seller';
// The same data directory whether started with `electron .` (name "@vitrine/desktop") or packaged.
app.setName(APP_NAME);
app.setPath('userData', path.join(app.getPath('appData'), APP_NAME));
const distDir = path.join(app.getAppPath(), 'dist');
const rendererDir = path.join(distDir, 'renderer');
const preloadFile = path.join(distDir, 'electron', 'preload.cjs');

// Must happen before 'ready': a standard, secure scheme gets a real origin, fetch and normal URL parsing.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;
let opening: Promise<DesktopApp> | null = null;
let desktop: DesktopApp | null = null;
let platformUrl = '';
let closed = false;
let closing: Promise<void> | null = null;
// Notifications are kept referenced until dismissed, otherwise their click handler can be collected.
const notifications = new Set<Notification>();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusWindow);
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (desktop !== null && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('before-quit', onBeforeQuit);
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID); // needed for Windows notifications
  protocol.handle(APP_SCHEME, createRendererHandler(rendererDir));
  guardSession();

  const dataDir = app.getPath('userData');
  platformUrl = await readPlatformUrl({ env: process.env, dataDir });
  opening = createDesktopApp({
    dataDir,
    platformUrl,
    vault: createSafeStorageVault({ file: path.join(dataDir, 'token.json'), safeStorage }),
    deviceName: hostname(),
    openExternal: (url) => shell.openExternal(url),
  });
  desktop = await opening;
  registerBridge(desktop);
  desktop.subscribe(forwardEvent);
  createWindow();
}

function fail(error: unknown): void {
  dialog.showErrorBox(`${APP_NAME} cannot start`, error instanceof Error ? error.message : String(error));
  app.exit(1);
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: APP_NAME,
    show: false,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      spellcheck: true,
    },
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_ENTRY);
}

function focusWindow(): void {
  const win = mainWindow;
  if (win === null || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** Applied to every webContents: no new windows, no navigation away from app://, no <webview>. */
function guardContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isPlatformLink(url, platformUrl)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Permissions: notifications for our own pages, nothing else. */
function guardSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permission === 'notifications' && isAppUrl(details.requestingUrl));
  });
  session.defaultSession.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) => permission === 'notifications' && requestingOrigin === APP_ORIGIN,
  );
}

/** Only the main frame of our window, showing our own pages, may call the bridge. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const win = mainWindow;
  if (win === null || win.isDestroyed() || event.sender !== win.webContents) return false;
  const frame = event.senderFrame;
  return frame !== null && frame === win.webContents.mainFrame && isAppUrl(frame.url);
}

function registerBridge(current: DesktopApp): void {
  const handle = createBridgeHandler(current.api);
  for (const method of BRIDGE_METHODS) {
    ipcMain.handle(invokeChannel(method), async (event, arg: unknown) => {
      if (!isTrustedSender(event)) throw new Error('This page may not use the Vitrine bridge.');
      try {
        return await handle(method, arg);
      } catch (error) {
        // Only the message crosses to the renderer (Electron prefixes it with the channel name).
        throw new Error(error instanceof Error ? error.message : 'Something went wrong in the app.', { cause: error });
      }
    });
  }
}

function forwardEvent(event: BridgeEvent): void {
  const win = mainWindow;
  if (win !== null && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event);
  if (event.type === 'new-questions') notifyNewQuestions(event.questions);
}

function notifyNewQuestions(questions: Extract<BridgeEvent, { type: 'new-questions' }>['questions']): void {
  const notice = newQuestionsNotice(questions);
  if (notice === null || !Notification.isSupported()) return;
  const notification = new Notification(notice);
  notifications.add(notification);
  notification.on('click', () => {
    notifications.delete(notification);
    focusWindow();
  });
  notification.on('close', () => notifications.delete(notification));
  notification.show();
}

/** Lets the app stop its loops and close the local store before Electron exits (once, even if still opening). */
function onBeforeQuit(event: Electron.Event): void {
  if (closed || opening === null) return;
  event.preventDefault();
  closing ??= opening
    .then((current) => current.close())
    .catch((error: unknown) => console.error('Closing the app failed:', error))
    .finally(() => {
      closed = true;
      app.quit();
    });
}
