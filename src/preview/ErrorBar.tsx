/** An error above the grid that the user can close (✕); the preview's own and a refused cell entry look alike. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { ReactNode } from "react";

export function ErrorBar(props: {
  title?: string;
  children: ReactNode;
  closeLabel: string;
  testId: string;
  onClose: () => void;
}) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid={props.testId}>
      <MessageBarBody>
        {props.title ? <MessageBarTitle>{props.title}</MessageBarTitle> : null}
        {props.children}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            size="small"
            aria-label={props.closeLabel}
            data-testid={`${props.testId}-dismiss`}
            onClick={props.onClose}
          >
            ✕
          </Button>
        }
      />
    </MessageBar>
  );
}
