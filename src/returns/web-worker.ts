/** Web Worker of the «Свод» pane: reads the returns it is sent off the UI thread (see web-reader.ts). */
import { readReturn } from "./read-return";

interface Job {
  id: number;
  file: string;
  bytes: ArrayBuffer;
  fileModified: string | null;
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Job>) => void) | null;
  postMessage(m: unknown): void;
};

scope.onmessage = (e) => {
  const { id, file, bytes, fileModified } = e.data;
  void readReturn({ file, bytes: new Uint8Array(bytes), fileModified }).then((reading) =>
    scope.postMessage({ id, reading }),
  );
};
