/**
 * The task pane: the same UI in Excel (ExcelWorkbookHost) and in the browser preview (XlsxWorkbookHost).
 * It talks only to a WorkbookHost; the engine does the rest.
 */
import {
  FluentProvider,
  Tab,
  TabList,
  ToggleButton,
  Tooltip,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import type { WorkbookHost } from "../domain/host";
import { recognizeWorkbook } from "../domain/recognition";
import { PaneCtx, type PaneContext, type Recognition } from "./context";
import {
  defaultLanguage,
  officeDisplayLanguage,
  rememberLanguage,
  rememberedLanguage,
  translator,
  type Language,
} from "./i18n";
import { readOverrides } from "./logic/tables";
import { MonitoringPane } from "./panes/MonitoringPane";
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
  },
  content: { flexGrow: 1, overflowY: "auto", overflowX: "hidden", minHeight: 0 },
});

type TabId = "recognize" | "validate" | "people" | "monitoring";

export function TaskPane({ host }: { host: WorkbookHost }) {
  const s = useStyles();
  const [lang, setLang] = useState<Language>(() =>
    defaultLanguage(officeDisplayLanguage(), rememberedLanguage()),
  );
  const t = useMemo(() => translator(lang), [lang]);
  const [tab, setTab] = useState<TabId>("recognize");
  const [recognition, setRecognition] = useState<Recognition | null>(null);

  const recognize = useCallback(async (): Promise<Recognition> => {
    // Two reads, overlapped: in Excel on the web each waits for a round trip.
    const [stored, workbook] = await Promise.all([
      host.getSetting<unknown>("overrides"),
      host.readWorkbook(),
    ]);
    const overrides = readOverrides(stored);
    const { tables, notices } = recognizeWorkbook(workbook, { overrides });
    const next: Recognition = { workbook, tables, notices, overrides };
    setRecognition(next);
    return next;
  }, [host]);

  const ctx: PaneContext = useMemo(
    () => ({ host, t, lang, recognition, recognize }),
    [host, t, lang, recognition, recognize],
  );

  const chooseLanguage = (next: Language) => {
    setLang(next);
    rememberLanguage(next);
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
            <Tab value="recognize" data-testid="tab-recognize">
              {t("tabRecognize")}
            </Tab>
            <Tab value="validate" data-testid="tab-validate">
              {t("tabValidate")}
            </Tab>
            <Tab value="people" data-testid="tab-people">
              {t("tabPeople")}
            </Tab>
            <Tab value="monitoring" data-testid="tab-monitoring">
              {t("tabMonitoring")}
            </Tab>
          </TabList>
          {/* Panes stay mounted so switching tabs keeps their results. */}
          <main className={s.content}>
            <div hidden={tab !== "recognize"}>
              <RecognizePane />
            </div>
            <div hidden={tab !== "validate"}>
              <ValidatePane />
            </div>
            <div hidden={tab !== "people"}>
              <PeoplePane />
            </div>
            <div hidden={tab !== "monitoring"}>
              <MonitoringPane />
            </div>
          </main>
        </div>
      </PaneCtx.Provider>
    </FluentProvider>
  );
}
