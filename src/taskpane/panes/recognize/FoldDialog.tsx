/** «Исправить вставку из Word?»: what the fold will change, confirmed before anything is written. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  tokens,
} from "@fluentui/react-components";
import { usePane } from "../../context";

export interface FoldPreview {
  activities: number;
  rows: number;
  backups: string[];
}

export function FoldDialog({
  fold,
  onCancel,
  onConfirm,
}: {
  fold: FoldPreview | null;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = usePane();
  return (
    <Dialog open={fold !== null} onOpenChange={(_e, d) => (d.open ? undefined : onCancel())}>
      <DialogSurface style={{ maxWidth: 320 }}>
        <DialogBody>
          <DialogTitle>{t("foldDialogTitle")}</DialogTitle>
          <DialogContent>
            {fold ? (
              <div style={{ display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS }}>
                <Text data-testid="fold-preview">
                  {t("foldPreview", { activities: fold.activities, rows: fold.rows })}
                </Text>
                {fold.backups.map((b) => (
                  <Text key={b}>{t("foldBackup", { name: b })}</Text>
                ))}
              </div>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              {t("cancel")}
            </Button>
            <Button appearance="primary" onClick={onConfirm} data-testid="fold-confirm">
              {t("foldConfirm")}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
