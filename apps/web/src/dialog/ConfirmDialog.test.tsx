/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfirmDialog } from "./ConfirmDialog";

afterEach(cleanup);

function renderDialog(props: Partial<Parameters<typeof ConfirmDialog>[0]> = {}) {
  const onConfirm = vi.fn();
  const onClose = vi.fn();
  render(
    <ConfirmDialog title="Delete it?" confirmLabel="Delete thing" onConfirm={onConfirm} onClose={onClose} testId="confirm-thing" {...props}>
      <p>Gone for good.</p>
    </ConfirmDialog>,
  );
  return { onConfirm, onClose };
}

describe("ConfirmDialog", () => {
  it("focuses Cancel first, so Enter right after opening destroys nothing", () => {
    renderDialog();
    expect(document.activeElement?.textContent).toBe("Cancel");
    expect(screen.getByRole("alertdialog", { name: "Delete it?" })).toBeTruthy();
  });

  it("confirms with its named button and closes with Cancel or Escape", () => {
    const { onConfirm, onClose } = renderDialog();
    fireEvent.click(screen.getByTestId("confirm-thing-button"));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByText("Cancel"));
    fireEvent.keyDown(screen.getByRole("alertdialog"), { key: "Escape" });
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it("disables the confirm button while busy and honours a custom test id", () => {
    const { onConfirm } = renderDialog({ busy: true, confirmTestId: "custom" });
    const button = screen.getByTestId("custom") as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(button);
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
