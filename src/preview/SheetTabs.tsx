/** The workbook's sheet tabs under the grid, the shown sheet marked as Excel marks the active one. */
import { Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetInfo } from "../domain/host";

const useStyles = makeStyles({
  tabs: {
    flexShrink: 0,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    overflowX: "auto",
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `2px solid ${tokens.colorBrandStroke1}`,
  },
});

export function SheetTabs({
  sheets,
  active,
  label,
  onSheet,
}: {
  sheets: SheetInfo[];
  active: string | null;
  label: string;
  onSheet: (name: string) => void;
}) {
  const s = useStyles();
  return (
    <div className={s.tabs}>
      <TabList
        // Remounted when sheets come or go: Fluent's selection mark does not move to a tab added after it.
        key={sheets.map((x) => x.name).join("\u0000")}
        size="small"
        aria-label={label}
        selectedValue={active ?? undefined}
        onTabSelect={(_e, d) => onSheet(String(d.value))}
      >
        {sheets
          .filter((x) => x.visible)
          .map((x) => (
            <Tab
              key={x.name}
              value={x.name}
              className={x.name === active ? s.active : undefined}
              data-testid="sheet-tab"
              data-name={x.name}
              data-active={x.name === active ? "true" : undefined}
            >
              {x.name}
            </Tab>
          ))}
      </TabList>
    </div>
  );
}
