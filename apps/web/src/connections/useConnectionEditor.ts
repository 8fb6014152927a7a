/** State and actions of the connection form: values, secrets to remove, save (create or rev-checked update), test. */
import type { ConnectionDto, ConnectionKind, ConnectionSettingsInput } from "@eventloom/schema";
import { useState } from "react";
import { ApiRequestError } from "../api/client";
import { connectionsApi } from "../api/connections-api";
import { useConnectionsStore } from "./connections-store";
import { formErrorsOf, type FormErrors } from "./field-errors";
import { defaultValues, settingsPayload, valuesOf, type FormValue, type FormValues } from "./form-values";
import type { TestState } from "./TestResultView";

const NO_ERRORS: FormErrors = { fields: {}, form: null };

export function useConnectionEditor(workspaceId: string, connection: ConnectionDto | undefined, initialKind: ConnectionKind, onSaved: (saved: ConnectionDto) => void) {
  const [kind, setKindState] = useState<ConnectionKind>(connection?.kind ?? initialKind);
  const [name, setName] = useState(connection?.name ?? "");
  const [values, setValues] = useState<FormValues>(() => (connection ? valuesOf(connection) : defaultValues(initialKind)));
  const [cleared, setCleared] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saving, setSaving] = useState(false);
  const [test, setTest] = useState<TestState>({ status: "idle" });

  const setKind = (next: ConnectionKind) => {
    setKindState(next);
    setValues(defaultValues(next));
    setErrors(NO_ERRORS);
    setTest({ status: "idle" });
  };
  const change = (key: string, value: FormValue) => setValues((current) => ({ ...current, [key]: value }));
  const toggleClear = (key: string) =>
    setCleared((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const save = async () => {
    setSaving(true);
    setErrors(NO_ERRORS);
    try {
      const settings = settingsPayload(kind, values, cleared);
      const saved = connection
        ? await connectionsApi.update(workspaceId, connection.id, { rev: connection.rev, name: name.trim(), settings })
        : await connectionsApi.create(workspaceId, { name: name.trim(), settings: settings as unknown as ConnectionSettingsInput });
      useConnectionsStore.getState().upsert(saved);
      setCleared(new Set());
      setValues(valuesOf(saved));
      onSaved(saved);
    } catch (error) {
      setErrors(error instanceof ApiRequestError ? conflictAware(error) : { fields: {}, form: String(error) });
    } finally {
      setSaving(false);
    }
  };

  const runTest = async () => {
    setTest({ status: "testing" });
    try {
      const settings = settingsPayload(kind, values, cleared);
      const result = await connectionsApi.test(workspaceId, { settings, ...(connection ? { connectionId: connection.id } : {}) });
      setTest({ status: "done", result });
    } catch (error) {
      if (error instanceof ApiRequestError) setErrors(formErrorsOf(error.error));
      setTest({ status: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  };

  return { kind, setKind, name, setName, values, change, cleared, toggleClear, errors, saving, save, test, runTest };
}

function conflictAware(error: ApiRequestError): FormErrors {
  if (error.code === "REV_CONFLICT") return { fields: {}, form: `${error.message} (Reload the page to see the current settings.)` };
  return formErrorsOf(error.error);
}
