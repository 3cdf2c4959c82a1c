/**
 * The task pane: the same UI in Excel (ExcelWorkbookHost) and in the browser preview (XlsxWorkbookHost).
 * It talks only to a WorkbookHost; the engine does the rest.
 */
import {
  FluentProvider,
  Spinner,
  Tab,
  TabList,
  ToggleButton,
  Tooltip,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type ComponentType } from "react";
import type { WorkbookHost } from "../domain/host";
import { recognise } from "../app/recognise";
import { reportingWrites, type ChangeSource } from "./changes";
import { PaneCtx, type PaneContext, type Recognition, type TabId } from "./context";
import {
  defaultLanguage,
  officeDisplayLanguage,
  rememberLanguage,
  rememberedLanguage,
  translator,
  type Language,
  type MessageKey,
} from "./i18n";
import { ControlPane } from "./panes/ControlPane";
import { PeoplePane } from "./panes/PeoplePane";
import { RecognizePane } from "./panes/RecognizePane";
import { ValidatePane } from "./panes/ValidatePane";

const useStyles = makeStyles({
  root: {
    height: "100%",
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  lang: { display: "flex", gap: "2px", flexShrink: 0 },
  langButton: { minWidth: "36px" },
  tabs: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalXS,
    // Four tabs do not fit a narrow pane in one line: the last goes to a second line, never out of sight.
    flexWrap: "wrap",
  },
  content: { flexGrow: 1, overflowY: "auto", overflowX: "hidden", minHeight: 0 },
});

/** The panes in the order of an official's quarter: the table, its check, people, control, monitoring, returns. */
// The quarter's later work (monitoring, consolidation) loads when its tab is first opened: the pane's first
// load stays within its size budget (scripts/bundle-size.mjs).
const MonitoringPane = lazy(() =>
  import(/* webpackChunkName: "monitoring-pane" */ "./panes/MonitoringPane").then((m) => ({
    default: m.MonitoringPane,
  })),
);
const ConsolidatePane = lazy(() =>
  import(/* webpackChunkName: "consolidate-pane" */ "./panes/ConsolidatePane").then((m) => ({
    default: m.ConsolidatePane,
  })),
);

const LAZY_PANES: ReadonlySet<TabId> = new Set(["monitoring", "consolidate"]);

const PANES: { id: TabId; label: MessageKey; Pane: ComponentType }[] = [
  { id: "recognize", label: "tabRecognize", Pane: RecognizePane },
  { id: "validate", label: "tabValidate", Pane: ValidatePane },
  { id: "people", label: "tabPeople", Pane: PeoplePane },
  { id: "control", label: "tabControl", Pane: ControlPane },
  { id: "monitoring", label: "tabMonitoring", Pane: MonitoringPane },
  { id: "consolidate", label: "tabConsolidate", Pane: ConsolidatePane },
];

export function TaskPane({
  host: given,
  changes,
  language,
  onLanguage,
}: {
  host: WorkbookHost;
  /** Edits made outside the pane; without it the pane re-reads when the user comes back to it. */
  changes?: ChangeSource;
  /** The language when the page around the pane (the preview) owns it. */
  language?: Language;
  onLanguage?: (lang: Language) => void;
}) {
  const s = useStyles();
  const [ownLang, setLang] = useState<Language>(() =>
    defaultLanguage(officeDisplayLanguage(), rememberedLanguage()),
  );
  const lang = language ?? ownLang;
  const t = useMemo(() => translator(lang), [lang]);
  const [tab, setTab] = useState<TabId>("recognize");
  const [opened, setOpened] = useState<ReadonlySet<TabId>>(() => new Set<TabId>([tab]));
  useEffect(() => setOpened((was) => (was.has(tab) ? was : new Set([...was, tab]))), [tab]);
  const [recognition, setRecognition] = useState<Recognition | null>(null);
  // Counts the workbook's changes: whatever was read at an older revision may point at moved cells.
  const [revision, setRevision] = useState(0);
  const revisionNow = useRef(0);
  const bump = useCallback(() => setRevision(++revisionNow.current), []);
  const host = useMemo(() => reportingWrites(given, bump), [given, bump]);
  useEffect(() => {
    if (changes) return changes(bump);
    // No change notification: assume the user may have edited the sheet whenever they come back to the pane.
    window.addEventListener("focus", bump);
    return () => window.removeEventListener("focus", bump);
  }, [changes, bump]);

  const recognize = useCallback(async (): Promise<Recognition> => {
    const at = revisionNow.current;
    const next: Recognition = { ...(await recognise(host)), revision: at };
    setRecognition(next);
    return next;
  }, [host]);

  const ctx: PaneContext = useMemo(
    () => ({ host, t, lang, recognition, recognize, revision, activeTab: tab }),
    [host, t, lang, recognition, recognize, revision, tab],
  );

  const chooseLanguage = (next: Language) => {
    setLang(next);
    rememberLanguage(next);
    onLanguage?.(next);
  };

  return (
    // No className on the provider: Fluent copies it onto its portal nodes (dialogs, tooltips).
    <FluentProvider theme={webLightTheme} lang={lang} style={{ height: "100%" }}>
      <PaneCtx.Provider value={ctx}>
        <div className={s.root} data-testid="taskpane">
          <header className={s.header}>
            <h1 className={s.title}>{t("appName")}</h1>
            <div className={s.lang} role="group" aria-label={t("languageSwitch")}>
              {(["ru", "en"] as const).map((l) => (
                <Tooltip key={l} content={l === "ru" ? "Русский" : "English"} relationship="description">
                  <ToggleButton
                    size="small"
                    appearance={lang === l ? "primary" : "transparent"}
                    className={s.langButton}
                    style={lang === l ? undefined : { color: tokens.colorNeutralForegroundOnBrand }}
                    checked={lang === l}
                    onClick={() => chooseLanguage(l)}
                    data-testid={`lang-${l}`}
                  >
                    {l.toUpperCase()}
                  </ToggleButton>
                </Tooltip>
              ))}
            </div>
          </header>
          <TabList
            className={s.tabs}
            size="small"
            selectedValue={tab}
            onTabSelect={(_e, d) => setTab(d.value as TabId)}
          >
            {PANES.map(({ id, label }) => (
              <Tab key={id} value={id} data-testid={`tab-${id}`}>
                {t(label)}
              </Tab>
            ))}
          </TabList>
          {/* Panes stay mounted so switching tabs keeps their results; a lazy one mounts when first opened. */}
          <main className={s.content}>
            {PANES.filter(({ id }) => !LAZY_PANES.has(id) || opened.has(id) || id === tab).map(
              ({ id, Pane }) => (
                <div key={id} hidden={tab !== id}>
                  <Suspense fallback={<Spinner size="small" />}>
                    <Pane />
                  </Suspense>
                </div>
              ),
            )}
          </main>
        </div>
      </PaneCtx.Provider>
    </FluentProvider>
  );
}
