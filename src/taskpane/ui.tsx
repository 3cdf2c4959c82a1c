/** Small shared pieces of the panes: layout styles, the error bar, key–value lines. */
import {
  Body1,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Fragment, type ReactNode } from "react";
import { usePane } from "./context";

export const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXXL}`,
  },
  intro: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  kv: {
    display: "grid",
    gridTemplateColumns: "minmax(96px, max-content) 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "baseline",
  },
  kvKey: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  kvValue: { fontSize: tokens.fontSizeBase300, overflowWrap: "anywhere" },
  sectionTitle: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    textTransform: "uppercase",
    letterSpacing: "0.04em",
    marginTop: tokens.spacingVerticalS,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  counts: { display: "grid", gridTemplateColumns: "repeat(3, 1fr)", gap: tokens.spacingHorizontalS },
  count: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  countValue: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
  countLabel: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    lineHeight: tokens.lineHeightBase200,
  },
});

export function PaneIntro({ title, text }: { title: string; text: string }) {
  const s = useStyles();
  return (
    <div className={s.intro}>
      <Subtitle2 as="h2" style={{ margin: 0 }}>
        {title}
      </Subtitle2>
      <Caption1 className={s.muted}>{text}</Caption1>
    </div>
  );
}

/** A pane command's state under its buttons: the spinner while it runs, its error in Russian after. */
export function CommandStatus({ busy, error }: { busy: boolean; error: string | null }) {
  const { t } = usePane();
  return (
    <>
      {busy ? <Spinner size="tiny" label={t("working")} labelPosition="after" /> : null}
      {error ? (
        <MessageBar intent="error" layout="multiline" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>{t("errorTitle")}</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}

export function InfoBar({
  intent = "info",
  title,
  children,
  testId,
}: {
  intent?: "info" | "success" | "warning";
  title?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <MessageBar intent={intent} layout="multiline" data-testid={testId}>
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}

export function KeyValue({ items }: { items: [string, ReactNode][] }) {
  const s = useStyles();
  return (
    <div className={s.kv}>
      {items.map(([k, v]) => (
        <Fragment key={k}>
          <span className={s.kvKey}>{k}</span>
          <Body1 className={s.kvValue}>{v}</Body1>
        </Fragment>
      ))}
    </div>
  );
}

export function Count({ value, label, testId }: { value: number; label: string; testId: string }) {
  const s = useStyles();
  return (
    <div className={s.count}>
      <span className={s.countValue} data-testid={testId}>
        {value}
      </span>
      <span className={s.countLabel}>{label}</span>
    </div>
  );
}
