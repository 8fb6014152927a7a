import { expect, test, type Response } from "@playwright/test";
import { createFlow, dropFromPalette, snap } from "./helpers";

const WRONG = "wrong-Pa55word-15";
/** The machine's RabbitMQ login (guest/guest): the user name and the password are the same word. */
const RIGHT = "guest";

/** Every string in a JSON body with the key it sits under, e.g. ["username", "guest"]. */
function strings(value: unknown, key = ""): [string, string][] {
  if (typeof value === "string") return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((item) => strings(item, key));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}

test("connections: a wrong RabbitMQ password fails the test with the login error, the right one connects, and no password ever comes back", async ({ page }) => {
  const bodies: { url: string; text: string }[] = [];
  page.on("response", (response: Response) => {
    if (!response.url().includes("/api/")) return;
    void response.text().then(
      (text) => bodies.push({ url: response.url(), text }),
      () => undefined,
    );
  });

  await page.goto("/");
  await page.getByTestId("nav-connections").click();
  await expect(page).toHaveURL(/\/connections$/);
  await expect(page.getByTestId("connections-page")).toBeVisible();

  // Create it with a wrong password; Test says the broker refused the login, and where.
  await page.getByTestId("connection-new").click();
  await page.getByTestId("connection-kind").selectOption("rabbitmq");
  await page.getByTestId("connection-name").fill("Orders broker");
  await page.getByTestId("connection-field-host").fill("127.0.0.1");
  await page.getByTestId("connection-field-username").fill("guest");
  await page.getByTestId("connection-field-password").fill(WRONG);
  await page.getByTestId("connection-save").click();
  const item = page.locator('[data-testid^="connection-item-"]', { hasText: "Orders broker" });
  await expect(item).toHaveAttribute("aria-current", "true");
  await expect(page.getByTestId("connection-field-password")).toHaveAttribute("placeholder", "saved — leave empty to keep");

  await page.getByTestId("connection-test").click();
  const result = page.getByTestId("connection-test-result");
  await expect(result).toHaveAttribute("data-status", "error");
  await expect(result).toHaveAttribute("data-code", "AUTH_FAILED");
  await expect(result).toContainText("Login refused");
  await expect(result).toContainText('amqp://127.0.0.1:5672 (virtual host "/", user "guest")');
  await snap(page, "15-connections-auth-error");

  // Fix the password: the form's settings test fine, then save.
  await page.getByTestId("connection-field-password").fill(RIGHT);
  await page.getByTestId("connection-test").click();
  await expect(result).toHaveAttribute("data-status", "ok");
  await expect(result).toContainText("Connected");
  await page.getByTestId("connection-save").click();
  await expect(page.getByTestId("connection-field-password")).toHaveValue("");

  // Reload: the saved secret is kept (Test with the field left empty still connects) and shown nowhere.
  await page.reload();
  await expect(item).toBeVisible();
  await expect(page.getByTestId("connection-field-password")).toHaveValue("");
  await expect(page.getByTestId("connection-field-password")).toHaveAttribute("placeholder", "saved — leave empty to keep");
  await expect(page.getByText("Saved — leave empty to keep it.")).toBeVisible();
  await page.getByTestId("connection-test").click();
  await expect(result).toHaveAttribute("data-status", "ok");
  await snap(page, "15-connections");

  const html = await page.content();
  expect(html).not.toContain(WRONG);
  const connectionBodies = bodies.filter((b) => b.url.includes("/connections"));
  expect(connectionBodies.length).toBeGreaterThanOrEqual(4);
  for (const { url, text } of bodies) {
    expect(text, url).not.toContain(WRONG);
    const leaks = strings(text.startsWith("{") || text.startsWith("[") ? JSON.parse(text) : text).filter(([key, value]) => value === RIGHT && key !== "username");
    expect(leaks, url).toEqual([]);
  }
  // The list after the reload shows the mask and hasValue in place of the password.
  const listed = connectionBodies.map((b) => JSON.parse(b.text) as { connections?: { settings: Record<string, unknown>; secrets: unknown }[] }).filter((b) => b.connections?.length);
  expect(listed.at(-1)?.connections?.[0]).toMatchObject({ settings: { password: "••••" }, secrets: { password: { hasValue: true } } });
});

test("connections: a RabbitMQ channel picks the workspace's connection in its config panel, and the connection cannot be deleted while the flow uses it", async ({ page }) => {
  await page.goto("/connections/new/rabbitmq");
  await expect(page.getByTestId("connection-kind")).toHaveValue("rabbitmq");
  await page.getByTestId("connection-name").fill("Billing broker");
  await page.getByTestId("connection-field-host").fill("127.0.0.1");
  await page.getByTestId("connection-field-password").fill(RIGHT);
  await page.getByTestId("connection-save").click();
  await expect(page.locator('[data-testid^="connection-item-"][aria-current="true"]')).toContainText("Billing broker");

  await page.getByTestId("nav-flows").click();
  await createFlow(page, "Billing via RabbitMQ");
  const channel = await dropFromPalette(page, "rabbitmq", { x: 320, y: 220 });
  await page.getByTestId(`node-${channel}`).click();
  const panel = page.getByTestId("config-panel");
  const select = panel.getByLabel("Connection");
  await expect(select.locator("option", { hasText: "Billing broker" })).toHaveCount(1);
  await expect(panel.getByTestId("connection-select-create")).toHaveAttribute("href", "/connections/new/rabbitmq");
  await select.selectOption({ label: "Billing broker" });
  await page.getByTestId("save-button").click();
  await expect(page.getByTestId("save-state")).toHaveText("Saved");
  await select.scrollIntoViewIfNeeded();
  await snap(page, "15-connections-channel-select");

  await page.getByTestId("nav-connections").click();
  await page.locator('[data-testid^="connection-item-"]', { hasText: "Billing broker" }).click();
  await page.getByTestId("connection-delete").click();
  await page.getByTestId("confirm-delete-connection-button").click();
  await expect(page.getByTestId("delete-connection-refused")).toContainText('"Billing via RabbitMQ"');
});
