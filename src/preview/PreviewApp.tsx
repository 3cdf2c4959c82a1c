/**
 * The browser preview: a workbook (the bundled sample or a file the user opens) in a grid view on the left,
 * the real task pane on the right, both over the same .xlsx host. Nothing leaves the page; work not yet
 * downloaded is never dropped without asking.
 */
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { entryPlan, readEntry, type CellInput } from "../domain/cell-entry";
import { columnLetter, rangeA1, type SheetGrid } from "../domain/grid";
import type { SheetInfo } from "../domain/host";
import { recognise } from "../app/recognise";
import { TaskPane } from "../taskpane/App";
import type { ChangeSource } from "../taskpane/changes";
import { defaultLanguage, rememberedLanguage, translator, type Language } from "../taskpane/i18n";
import { userMessage } from "../taskpane/logic/errors";
import { fileColumnWidths } from "./column-widths";
import { ErrorBar } from "./ErrorBar";
import { GridView } from "./GridView";
import { resultFileName } from "./grid-layout";
import { ObservableHost, type CellRef } from "./observable-host";
import { PreviewToolbar } from "./PreviewToolbar";

const SAMPLE_URL = "assets/samples/roadmap-sample.xlsx";
const SAMPLE_NAME = "roadmap-sample.xlsx";

const useStyles = makeStyles({
  page: {
    height: "100vh",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  main: { flexGrow: 1, display: "flex", minHeight: 0 },
  grid: { flexGrow: 1, minWidth: 0, display: "flex", flexDirection: "column" },
  pane: {
    width: "340px",
    flexShrink: 0,
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow8,
    display: "flex",
    flexDirection: "column",
    minHeight: 0,
  },
  center: {
    margin: "auto",
    padding: tokens.spacingHorizontalXXL,
    textAlign: "center",
    color: tokens.colorNeutralForeground3,
  },
});

/** Only what the preview needs of the .xlsx host besides WorkbookHost. */
interface XlsxHost {
  readonly name: string;
  readonly workbook: Parameters<typeof fileColumnWidths>[0];
  toBuffer(): Promise<ArrayBuffer | Uint8Array>;
  /** What the downloaded file cannot keep (pivot tables, macros…), in Russian. */
  lossNotices(): string[];
  cellInput(sheet: string, row: number, col: number): CellInput;
}

interface Session {
  id: number;
  host: ObservableHost;
  xlsx: XlsxHost;
  changes: ChangeSource;
}

async function openWorkbook(data: ArrayBuffer, name: string) {
  // ExcelJS is a separate chunk: loaded here, on the first file opened, not with the page.
  const { XlsxWorkbookHost } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/host");
  return XlsxWorkbookHost.open(data, name);
}

/** The first roadmap table of a workbook (with the user's stored corrections), to show it on opening. */
async function firstTable(host: ObservableHost): Promise<CellRef | null> {
  const { tables } = await recognise(host);
  return tables[0] ? { sheet: tables[0].sheet, address: tables[0].range } : null;
}

/** A cell's input facts; null when its sheet is gone (a plan deleted it before the view re-read). */
function cellInput(session: Session, sheet: string, row: number, col: number): CellInput | null {
  try {
    return session.xlsx.cellInput(sheet, row, col);
  } catch {
    return null;
  }
}

export function PreviewApp() {
  const s = useStyles();
  const [lang, setLang] = useState<Language>(() => defaultLanguage(null, rememberedLanguage()));
  const t = useMemo(() => translator(lang), [lang]);
  const [session, setSession] = useState<Session | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<{ name: string; count: number } | null>(null);
  const [sheets, setSheets] = useState<SheetInfo[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [grid, setGrid] = useState<SheetGrid | null>(null);
  const [selection, setSelection] = useState<{ cell: CellRef; byUser: boolean } | null>(null);
  const [highlights, setHighlights] = useState<readonly CellRef[]>([]);
  const nextId = useRef(1);
  const shown = useRef<string | null>(null);
  const anchor = useRef<{ row: number; col: number } | null>(null);
  const userClick = useRef(false);

  const load = useCallback(async (data: ArrayBuffer, name: string) => {
    setLoading(true);
    setError(null);
    try {
      const xlsx = await openWorkbook(data, name);
      const host = new ObservableHost(xlsx);
      const changes: ChangeSource = (listener) =>
        host.subscribe((e) => {
          if (e.kind === "changed") listener();
        });
      setSelection(null);
      setHighlights([]);
      const visible = (await host.listSheets()).filter((x) => x.visible).length;
      setSession({ id: nextId.current++, host, xlsx, changes });
      setOpened({ name, count: visible });
    } catch (e) {
      console.error(e);
      setError(userMessage(e, translator(rememberedLanguage() === "en" ? "en" : "ru")));
    } finally {
      setLoading(false);
    }
  }, []);

  // The bundled sample, fetched from the page's own files.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const res = await fetch(SAMPLE_URL);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const data = await res.arrayBuffer();
        if (!cancelled) await load(data, SAMPLE_NAME);
      } catch {
        if (!cancelled) setLoading(false); // no sample: the user opens a file
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [load]);

  // Closing or reloading the tab with changes not downloaded: the browser asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (!session?.host.hasUnsavedChanges) return;
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [session]);

  /** Re-read the sheet list and the shown sheet (after a plan, or a tab click). */
  const refresh = useCallback(
    async (host: ObservableHost, want: string | null) => {
      try {
        const list = await host.listSheets();
        setSheets(list);
        const visible = list.filter((x) => x.visible);
        const name = want && visible.some((x) => x.name === want) ? want : (visible[0]?.name ?? null);
        host.activeSheet = name;
        shown.current = name;
        setActive(name);
        setGrid(name ? await host.readSheet(name) : null);
      } catch (e) {
        console.error(e);
        setError(userMessage(e, t));
      }
    },
    [t],
  );

  useEffect(() => {
    if (!session) return;
    const { host } = session;
    const unsubscribe = host.subscribe((e) => {
      if (e.kind === "changed") {
        // A write that went through (the pane's or a typed entry) makes an old error moot.
        if (!e.failed) setError(null);
        void refresh(host, host.activeSheet);
      } else if (e.kind === "selected") {
        setSelection({ cell: { sheet: e.sheet, address: e.address }, byUser: userClick.current });
        userClick.current = false;
        if (shown.current !== e.sheet) void refresh(host, e.sheet);
      } else setHighlights(e.cells);
    });
    // Open where the roadmap is, as a user would scroll to it; else on the first sheet.
    void (async () => {
      const table = await firstTable(host).catch(() => null);
      await refresh(host, table?.sheet ?? null);
      if (table) await host.select(table.sheet, table.address).catch(() => undefined);
    })();
    return unsubscribe;
    // `refresh` changes with the language only; re-subscribing then would re-read for nothing.
  }, [session]);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (session?.host.hasUnsavedChanges && !window.confirm(t("previewUnsaved"))) return;
    await load(await file.arrayBuffer(), file.name);
  };

  const onCell = (row: number, col: number, extend: boolean) => {
    if (!session || !grid) return;
    const from = extend && anchor.current ? anchor.current : { row, col };
    if (!extend) anchor.current = { row, col };
    const address =
      from.row === row && from.col === col
        ? `${columnLetter(col)}${row + 1}`
        : rangeA1({
            top: Math.min(from.row, row),
            left: Math.min(from.col, col),
            bottom: Math.max(from.row, row),
            right: Math.max(from.col, col),
          });
    userClick.current = true;
    session.host.userSelect(grid.name, address);
  };

  /** A typed entry: read against the cell's validation, written as a one-cell plan through the host. */
  const commitEntry = async (row: number, col: number, text: string): Promise<string | null> => {
    if (!session || !grid) return null;
    const sheet = grid.name;
    try {
      const entry = readEntry(text, session.xlsx.cellInput(sheet, row, col), sheet);
      if (!entry.ok) return entry.message;
      await session.host.apply(entryPlan(sheet, row, col, entry));
      return null;
    } catch (e) {
      console.error(e);
      return userMessage(e, t);
    }
  };

  const download = async () => {
    if (!session) return;
    setError(null);
    try {
      const data = await session.xlsx.toBuffer();
      const blob = new Blob([data as BlobPart], {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = resultFileName(session.xlsx.name);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      session.host.markSaved();
    } catch (e) {
      console.error(e);
      setError(userMessage(e, t));
    }
  };

  const fileWidths = useMemo(
    () => (session && grid ? fileColumnWidths(session.xlsx.workbook, grid.name) : []),
    [session, grid],
  );

  return (
    <FluentProvider theme={webLightTheme} lang={lang} style={{ height: "100%" }}>
      <div className={s.page}>
        <PreviewToolbar
          t={t}
          fileName={session?.xlsx.name ?? null}
          loading={loading}
          opened={opened ? t("previewOpened", opened) : null}
          onFile={(f) => void onFile(f)}
          onDownload={() => void download()}
        />
        {error ? (
          <ErrorBar closeLabel={t("closeMessage")} testId="preview-error" onClose={() => setError(null)}>
            {error}
          </ErrorBar>
        ) : null}
        {/* Said on opening, before any change: the download will not carry these parts. */}
        {session && session.xlsx.lossNotices().length > 0 ? (
          <MessageBar intent="warning" layout="multiline" data-testid="preview-losses">
            <MessageBarBody>{session.xlsx.lossNotices().join(" ")}</MessageBarBody>
          </MessageBar>
        ) : null}
        <div className={s.main}>
          <div className={s.grid}>
            {session ? (
              <GridView
                sheets={sheets}
                active={active}
                grid={grid}
                selection={selection?.cell ?? null}
                follow={!selection?.byUser}
                highlights={highlights}
                fileWidths={fileWidths}
                t={t}
                onSheet={(name) => void refresh(session.host, name)}
                onCell={onCell}
                inputOf={grid ? (row, col) => cellInput(session, grid.name, row, col) : null}
                onCommit={commitEntry}
              />
            ) : (
              <div className={s.center}>
                {loading ? <Spinner label={t("previewOpening")} /> : t("previewEmpty")}
              </div>
            )}
          </div>
          <aside className={s.pane} aria-label={t("previewPaneLabel")}>
            {session ? (
              <TaskPane
                key={session.id}
                host={session.host}
                changes={session.changes}
                language={lang}
                onLanguage={setLang}
              />
            ) : null}
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
