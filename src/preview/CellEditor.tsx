/**
 * The preview's cell editors, as Excel's: a text box over the cell (also the formula bar's), and a drop-down of
 * the list where the cell has list validation. They only report what the user did; the grid decides.
 */
import { Dropdown, Option, makeStyles, tokens } from "@fluentui/react-components";
import { useLayoutEffect, useRef } from "react";

/** How an edit ends: committed and the selection moves (Excel's Enter, Shift+Enter, Tab), kept, or cancelled. */
export type EditEnd = "down" | "up" | "right" | "left" | "stay" | "cancel";

const useStyles = makeStyles({
  overlay: {
    position: "absolute",
    top: "-2px",
    left: "-2px",
    zIndex: 4,
    minWidth: "calc(100% + 4px)",
    boxShadow: tokens.shadow8,
  },
  text: {
    display: "block",
    boxSizing: "border-box",
    width: "100%",
    minWidth: "180px",
    minHeight: "calc(100% + 4px)",
    margin: 0,
    padding: "2px 4px",
    font: "inherit",
    resize: "both",
    border: `2px solid ${tokens.colorBrandStroke1}`,
    outline: "none",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  bar: {
    flexGrow: 1,
    minWidth: 0,
    boxSizing: "border-box",
    padding: "0 4px",
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    resize: "vertical",
    border: `1px solid ${tokens.colorBrandStroke1}`,
    outline: "none",
  },
  dropdown: { minWidth: "200px" },
});

/** Lines a text box shows: its text's, at most 6 (longer text scrolls). */
function linesOf(text: string): number {
  return Math.min(6, Math.max(1, text.split("\n").length));
}

/**
 * A text box that commits on Enter (Shift+Enter: moving up), Tab, or leaving it; Esc cancels; Alt+Enter starts a
 * new line within the cell, as in Excel.
 */
export function TextEditor({
  value,
  label,
  placeholder,
  inBar = false,
  testId,
  onChange,
  onEnd,
}: {
  value: string;
  label: string;
  placeholder?: string;
  /** The formula bar's box rather than the one over the cell. */
  inBar?: boolean;
  testId: string;
  onChange: (text: string) => void;
  onEnd: (end: EditEnd) => void;
}) {
  const s = useStyles();
  const box = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.focus();
    // The caret at the end, as Excel's F2 puts it.
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  // A second end (the blur of a box being removed) is ignored by the edit's owner.
  const end = onEnd;
  const area = (
    <textarea
      ref={box}
      className={inBar ? s.bar : s.text}
      value={value}
      rows={linesOf(value)}
      aria-label={label}
      placeholder={placeholder}
      data-testid={testId}
      spellCheck={false}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation(); // the grid's own keys (arrows, Delete) must not act while typing
        if (e.key === "Enter" && e.altKey) {
          e.preventDefault();
          const el = e.currentTarget;
          const at = el.selectionStart;
          onChange(`${el.value.slice(0, at)}\n${el.value.slice(el.selectionEnd)}`);
          requestAnimationFrame(() => el.setSelectionRange(at + 1, at + 1));
        } else if (e.key === "Enter") {
          e.preventDefault();
          end(e.shiftKey ? "up" : "down");
        } else if (e.key === "Tab") {
          e.preventDefault();
          end(e.shiftKey ? "left" : "right");
        } else if (e.key === "Escape") {
          e.preventDefault();
          end("cancel");
        }
      }}
      onBlur={() => end("stay")}
    />
  );
  return inBar ? area : <div className={s.overlay}>{area}</div>;
}

/** The drop-down of a list-validated cell, open at once; picking commits, Esc or closing cancels. */
export function ListEditor({
  value,
  items,
  label,
  clearLabel,
  onPick,
  onCancel,
}: {
  value: string;
  items: readonly string[];
  label: string;
  clearLabel: string;
  onPick: (item: string) => void;
  onCancel: () => void;
}) {
  const s = useStyles();
  const button = useRef<HTMLButtonElement>(null);
  const picked = useRef(false);
  useLayoutEffect(() => button.current?.focus(), []);
  // A value outside the list (an old status) is offered first and selected, so Enter keeps it: without it the
  // drop-down would open on «(пусто)» and Enter would silently clear the cell.
  const offList = value !== "" && !items.includes(value);
  const selected = value !== "" ? [value] : [];
  return (
    <div className={s.overlay}>
      <Dropdown
        ref={button}
        className={s.dropdown}
        defaultOpen
        value={value}
        selectedOptions={selected}
        aria-label={label}
        data-testid="cell-dropdown"
        listbox={{ "data-testid": "cell-dropdown-list" } as object}
        onOptionSelect={(_e, d) => {
          picked.current = true;
          onPick(d.optionValue ?? "");
        }}
        onOpenChange={(_e, d) => {
          // Closed without a pick (Esc, a click elsewhere): the cell keeps its value.
          if (!d.open) setTimeout(() => !picked.current && onCancel(), 0);
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === "Escape") onCancel();
        }}
      >
        {offList && (
          <Option value={value} text={value}>
            {value}
          </Option>
        )}
        <Option value="" text={clearLabel}>
          {clearLabel}
        </Option>
        {items.map((item) => (
          <Option key={item} value={item}>
            {item}
          </Option>
        ))}
      </Dropdown>
    </div>
  );
}
