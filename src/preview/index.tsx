/** index.html: the preview page (no Office, no network beyond the page's own files). */
import { createRoot } from "react-dom/client";
import { PreviewApp } from "./PreviewApp";

const container = document.getElementById("root");
if (container) createRoot(container).render(<PreviewApp />);
