import { expect, test } from "@playwright/test";
import { createFlowViaApi, fixture } from "./flow-api";
import { snap } from "./helpers";

test("search in the flow highlights matches by name, type and config, and Enter cycles through them", async ({ page, request }) => {
  const { graph } = fixture("transform-chain");
  const flow = await createFlowViaApi(request, "Search journey", graph);
  await page.goto(`/flows/${flow.id}`);
  await expect(page.locator(".react-flow__node")).toHaveCount(graph.nodes.length);

  await page.getByTestId("search-open").click();
  const input = page.getByTestId("flow-search-input");
  await expect(input).toBeFocused();
  const status = page.getByTestId("flow-search-status");

  await input.fill("memory"); // type: the two channels
  await expect(status).toHaveText("– of 2");
  await input.fill("sensor.kelvin"); // config text of the transform
  await expect(status).toHaveText("– of 1");
  await input.fill("kelvin"); // name and config
  await expect(status).toHaveText("– of 2");
  const outline = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`).evaluate((node) => getComputedStyle(node).outlineStyle);
  await expect.poll(() => outline("to-kelvin")).toBe("solid");
  await expect.poll(() => outline("kelvin")).toBe("solid");
  expect(await outline("readings")).toBe("none");

  await input.press("Enter");
  await expect(status).toHaveText("1 of 2");
  await input.press("Enter");
  await expect(status).toHaveText("2 of 2");
  await input.press("ArrowDown");
  await expect(status).toHaveText("1 of 2");
  await input.press("Shift+Enter");
  await expect(status).toHaveText("2 of 2");
  await snap(page, "9-search");
  // The current match is in view, centred.
  const box = (await page.locator('.react-flow__node[data-id="kelvin"]').boundingBox())!;
  const canvas = (await page.getByTestId("canvas").boundingBox())!;
  expect(Math.abs(box.x + box.width / 2 - (canvas.x + canvas.width / 2))).toBeLessThan(40);

  await input.press("Escape");
  await expect(page.getByTestId("flow-search")).toHaveCount(0);
  await expect(page.getByTestId("flow-search-highlights")).toHaveCount(0);
  await expect.poll(() => outline("kelvin")).toBe("none");
});

test("the theme follows the system, can be switched to light or dark, and is remembered", async ({ page, request }) => {
  const flow = await createFlowViaApi(request, "Theme journey", fixture("transform-chain").graph);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(`/flows/${flow.id}`);
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-theme", "dark");
  await page.emulateMedia({ colorScheme: "light" });
  await expect(html).toHaveAttribute("data-theme", "light");

  // The theme lives in the user menu.
  await page.getByTestId("user-menu").click();
  await page.getByTestId("theme-switch").selectOption("dark");
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(page.locator(".react-flow")).toHaveClass(/dark/);
  await snap(page, "9-dark-theme");
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await page.getByTestId("user-menu").click();
  await expect(page.getByTestId("theme-switch")).toHaveValue("dark");

  // Keyboard focus is visible on the controls.
  await page.getByTestId("theme-switch").focus();
  await page.keyboard.press("Shift+Tab");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe("none");
  await page.getByTestId("theme-switch").selectOption("system");
});
