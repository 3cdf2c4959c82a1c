/**
 * The browser preview: a workbook (the bundled sample or a file the user opens) in a grid view on the left,
 * the real task pane on the right, both over the same .xlsx host. Nothing leaves the page.
 */
import {
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import type { SheetGrid } from "../domain/grid";
import type { SheetInfo } from "../domain/host";
import { TaskPane } from "../taskpane/App";
import { translator } from "../taskpane/i18n";
import { userMessage } from "../taskpane/logic/errors";
import { GridView } from "./GridView";
import { resultFileName } from "./grid-layout";
import { ObservableHost, type CellRef } from "./observable-host";

const SAMPLE_URL = "assets/samples/roadmap-sample.xlsx";
const SAMPLE_NAME = "roadmap-sample.xlsx";

const useStyles = makeStyles({
  page: {
    height: "100vh",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  toolbar: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    marginRight: tokens.spacingHorizontalS,
  },
  file: {
    padding: `2px ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    maxWidth: "320px",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  note: { color: tokens.colorNeutralForeground3, marginLeft: "auto" },
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
  toBuffer(): Promise<ArrayBuffer | Uint8Array>;
}

interface Session {
  id: number;
  host: ObservableHost;
  xlsx: XlsxHost;
}

const t = translator("ru");

async function openWorkbook(data: ArrayBuffer, name: string) {
  // ExcelJS is a separate chunk: loaded here, on the first file opened, not with the page.
  const { XlsxWorkbookHost } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/host");
  return XlsxWorkbookHost.open(data, name);
}

export function PreviewApp() {
  const s = useStyles();
  const [session, setSession] = useState<Session | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [sheets, setSheets] = useState<SheetInfo[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [grid, setGrid] = useState<SheetGrid | null>(null);
  const [selection, setSelection] = useState<CellRef | null>(null);
  const [highlights, setHighlights] = useState<readonly CellRef[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const nextId = useRef(1);
  const shown = useRef<string | null>(null);

  const load = useCallback(async (data: ArrayBuffer, name: string) => {
    setLoading(true);
    setError(null);
    try {
      const xlsx = await openWorkbook(data, name);
      const host = new ObservableHost(xlsx);
      setSelection(null);
      setHighlights([]);
      setSession({ id: nextId.current++, host, xlsx });
    } catch (e) {
      console.error(e);
      setError(userMessage(e, t));
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

  /** Re-read the sheet list and the shown sheet (after a plan, or a tab click). */
  const refresh = useCallback(async (host: ObservableHost, want: string | null) => {
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
  }, []);

  useEffect(() => {
    if (!session) return;
    const { host } = session;
    void refresh(host, null);
    return host.subscribe((e) => {
      if (e.kind === "changed") void refresh(host, host.activeSheet);
      else if (e.kind === "selected") {
        setSelection({ sheet: e.sheet, address: e.address });
        if (shown.current !== e.sheet) void refresh(host, e.sheet);
      } else setHighlights(e.cells);
    });
  }, [session, refresh]);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    await load(await file.arrayBuffer(), file.name);
  };

  const download = async () => {
    if (!session) return;
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
    } catch (e) {
      console.error(e);
      setError(userMessage(e, t));
    }
  };

  return (
    <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
      <div className={s.page}>
        <div className={s.toolbar}>
          <span className={s.brand}>Мониторинг дорожных карт</span>
          <Button appearance="primary" onClick={() => fileInput.current?.click()} data-testid="open-file">
            Открыть .xlsx…
          </Button>
          <input
            ref={fileInput}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            data-testid="file-input"
            onChange={(e) => {
              void onFile(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
          <Button onClick={download} disabled={!session} data-testid="download">
            Скачать результат
          </Button>
          {session ? (
            <Text className={s.file} title={session.xlsx.name} data-testid="file-name">
              {session.xlsx.name}
            </Text>
          ) : null}
          {loading ? <Spinner size="tiny" aria-label="Открываю книгу…" /> : null}
          <Caption1 className={s.note}>
            Предпросмотр без Excel: команды работают с этой книгой так же, как в Excel
          </Caption1>
        </div>
        {error ? (
          <MessageBar intent="error" layout="multiline" data-testid="preview-error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        ) : null}
        <div className={s.main}>
          <div className={s.grid}>
            {session ? (
              <GridView
                sheets={sheets}
                active={active}
                grid={grid}
                selection={selection}
                highlights={highlights}
                onSheet={(name) => void refresh(session.host, name)}
              />
            ) : (
              <div className={s.center}>
                {loading ? <Spinner label="Открываю книгу…" /> : "Откройте книгу .xlsx с дорожной картой."}
              </div>
            )}
          </div>
          <aside className={s.pane} aria-label="Панель надстройки">
            {session ? <TaskPane key={session.id} host={session.host} /> : null}
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}
