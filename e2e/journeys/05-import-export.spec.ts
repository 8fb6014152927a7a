import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { createFlowViaApi, fixture, getFlow, listFlows } from "./flow-api";
import { snap } from "./helpers";

test("a bad file shows what is wrong and where, and leaves the flow unchanged", async ({ page, request }) => {
  const { graph } = fixture("transform-chain");
  const flow = await createFlowViaApi(request, "Import refusal journey", graph);
  await page.goto(`/flows/${flow.id}`);
  await expect(page.locator(".react-flow__node")).toHaveCount(graph.nodes.length);

  const broken = { format: "eventloom/flow", version: 1, name: "Broken", graph: { ...graph, nodes: graph.nodes.map((n, i) => (i === 2 ? { ...n, kind: "gizmo" } : n)) } };
  await page.getByTestId("import-file-input").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
  const error = page.getByTestId("import-error");
  await expect(error).toBeVisible();
  await expect(error).toContainText("broken.json does not match the eventloom/flow v1 format");
  await expect(error).toContainText("graph.nodes[2].kind");
  await snap(page, "5-import-refused");
  await page.getByRole("button", { name: "Close" }).click();
  await expect(page.getByTestId("import-dialog")).toBeHidden();

  // Not JSON at all.
  await page.getByTestId("import-file-input").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
  await expect(page.getByTestId("import-error")).toContainText("notes.txt is not JSON");
  await page.keyboard.press("Escape");

  await expect(page.locator(".react-flow__node")).toHaveCount(graph.nodes.length);
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  expect((await getFlow(request, flow.id)).graph).toEqual(flow.graph);
});

test("export then import gives back the same flow (as a new flow, and replacing another flow's graph)", async ({ page, request }) => {
  const { graph } = fixture("transform-chain");
  const source = await createFlowViaApi(request, "Round trip source", graph);
  const target = await createFlowViaApi(request, "Round trip target", { nodes: [], edges: [] });

  await page.goto(`/flows/${source.id}`);
  await expect(page.locator(".react-flow__node")).toHaveCount(graph.nodes.length);
  await page.getByTestId("flow-file-menu").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-button").click()]);
  expect(download.suggestedFilename()).toBe("round-trip-source.eventloom.json");
  const text = await readFile((await download.path())!, "utf8");
  const file = JSON.parse(text) as { format: string; version: number; name: string; graph: unknown };
  expect(file).toEqual({ format: "eventloom/flow", version: 1, name: "Round trip source", graph: source.graph });

  // As a new flow.
  await page.getByTestId("import-file-input").setInputFiles({ name: "export.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await page.getByTestId("import-new").click();
  await expect(page).not.toHaveURL(new RegExp(source.id));
  await expect(page.getByTestId("flow-name")).toHaveText("Round trip source");
  const created = (await listFlows(request)).filter((f) => f.name === "Round trip source" && f.id !== source.id);
  expect(created).toHaveLength(1);
  expect((await getFlow(request, created[0]!.id)).graph).toEqual(source.graph);

  // Replacing another flow's graph: one undoable edit, then saved.
  await page.goto(`/flows/${target.id}`);
  await expect(page.getByTestId("flow-name")).toHaveText("Round trip target");
  await page.getByTestId("import-file-input").setInputFiles({ name: "export.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await page.getByTestId("import-replace").click();
  await expect(page.locator(".react-flow__node")).toHaveCount(graph.nodes.length);
  await snap(page, "5-imported-into-flow");
  await page.getByTestId("save-button").click();
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  const replaced = await getFlow(request, target.id);
  expect(replaced.name).toBe("Round trip target");
  expect(replaced.graph).toEqual(source.graph);
});

test("a flow file dropped onto the canvas opens the import dialog", async ({ page, request }) => {
  const { graph } = fixture("transform-chain");
  const flow = await createFlowViaApi(request, "Drop target", { nodes: [], edges: [] });
  await page.goto(`/flows/${flow.id}`);
  await expect(page.getByTestId("flow-name")).toHaveText("Drop target");
  const text = JSON.stringify({ format: "eventloom/flow", version: 1, name: "Dropped", graph });

  // A desktop file drag, as the browser delivers it: dragenter/over/drop carrying a File.
  const transfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], "dropped.eventloom.json", { type: "application/json" }));
    return data;
  }, text);
  const pane = page.locator(".react-flow__pane");
  await pane.dispatchEvent("dragenter", { dataTransfer: transfer });
  await pane.dispatchEvent("dragover", { dataTransfer: transfer });
  await pane.dispatchEvent("drop", { dataTransfer: transfer });

  await expect(page.getByTestId("import-dialog")).toContainText('Import "Dropped"');
  await page.getByTestId("import-replace").click();
  await expect(page.locator(".react-flow__node")).toHaveCount(graph.nodes.length);
  await expect(page.getByTestId("undo-button")).toBeEnabled();
  await page.getByTestId("undo-button").click();
  await expect(page.locator(".react-flow__node")).toHaveCount(0);
});
