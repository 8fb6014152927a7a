import { describe, expect, it } from "vitest";
import { formErrorsOf } from "./field-errors";

describe("formErrorsOf", () => {
  it("puts each validation error on its settings field or the name, without repeating the path", () => {
    const errors = formErrorsOf({
      code: "VALIDATION_FAILED",
      message: "body.settings.url: put the user name and password in their own fields, not in the URL",
      path: ["body", "settings", "url"],
      details: {
        errors: [
          { code: "VALIDATION_FAILED", message: "body.settings.url: put the user name and password in their own fields, not in the URL", path: ["body", "settings", "url"] },
          { code: "VALIDATION_FAILED", message: "body.name: a connection needs a name", path: ["body", "name"] },
        ],
      },
    });
    expect(errors).toEqual({ fields: { url: "put the user name and password in their own fields, not in the URL", name: "a connection needs a name" }, form: null });
  });

  it("keeps what belongs to no field for the form: a refusal, a conflict, a kind change", () => {
    expect(formErrorsOf({ code: "CONNECTION_NAME_TAKEN", message: "taken", path: ["name"] })).toEqual({ fields: { name: "taken" }, form: null });
    expect(formErrorsOf({ code: "REV_CONFLICT", message: "changed", path: ["rev"] })).toEqual({ fields: {}, form: "changed" });
    expect(formErrorsOf({ code: "VALIDATION_FAILED", message: "kind", path: ["settings", "kind"] })).toEqual({ fields: {}, form: "kind" });
  });
});
