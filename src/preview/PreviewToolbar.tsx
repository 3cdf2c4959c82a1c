/** The preview's toolbar, in the pane's language: open a file, download the result, what is open. */
import { Button, Caption1, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import type { Translate } from "../taskpane/i18n";

const useStyles = makeStyles({
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
});

export function PreviewToolbar({
  t,
  fileName,
  loading,
  opened,
  onFile,
  onDownload,
}: {
  t: Translate;
  fileName: string | null;
  loading: boolean;
  /** «Открыта книга …: 3 листа.» after a file is opened. */
  opened: string | null;
  onFile: (file: File | undefined) => void;
  onDownload: () => void;
}) {
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={s.toolbar}>
      <span className={s.brand}>{t("appName")}</span>
      <Button appearance="primary" onClick={() => input.current?.click()} data-testid="open-file">
        {t("previewOpen")}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        aria-label={t("previewFileLabel")}
        data-testid="file-input"
        onChange={(e) => {
          onFile(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      <Button onClick={onDownload} disabled={!fileName} data-testid="download">
        {t("previewDownload")}
      </Button>
      {fileName ? (
        <Text className={s.file} title={fileName} data-testid="file-name">
          {fileName}
        </Text>
      ) : null}
      {loading ? <Spinner size="tiny" aria-label={t("previewOpening")} /> : null}
      {opened ? (
        <Caption1 role="status" data-testid="opened">
          {opened}
        </Caption1>
      ) : null}
      <Caption1 className={s.note}>{t("previewNote")}</Caption1>
    </div>
  );
}
