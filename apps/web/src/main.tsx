import "@xyflow/react/dist/style.css";
import "./styles/tokens.css";
import "./styles/app.css";
import "./styles/canvas.css";
import "./styles/panels.css";
import "./styles/editor-tools.css";
import "./styles/auth.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Root } from "./Root";
import { installTheme } from "./theme/theme-store";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
// Before the first render, so the first paint already has the chosen theme.
installTheme();
createRoot(root).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
