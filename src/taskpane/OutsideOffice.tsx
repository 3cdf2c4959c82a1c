/** Shown when taskpane.html is opened in a plain browser: the commands need a workbook, the preview has one. */
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  webLightTheme,
} from "@fluentui/react-components";
import { defaultLanguage, officeDisplayLanguage, rememberedLanguage, translator } from "./i18n";

export function OutsideOffice() {
  const t = translator(defaultLanguage(officeDisplayLanguage(), rememberedLanguage()));
  return (
    <FluentProvider
      theme={webLightTheme}
      style={{ padding: 16, display: "flex", flexDirection: "column", gap: 12 }}
    >
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t("outsideOfficeTitle")}</MessageBarTitle>
          {t("outsideOffice")}
        </MessageBarBody>
      </MessageBar>
      <div>
        <Button appearance="primary" as="a" href="index.html">
          {t("openPreview")}
        </Button>
      </div>
    </FluentProvider>
  );
}
