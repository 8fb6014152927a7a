/**
 * The room of a flow's editors (`flow:subscribe`): saves and presence. Separate from the deployment watchers'
 * room so unsubscribing from one never stops the other.
 */
export function editingRoom(flowId: string): string {
  return `editing:${flowId}`;
}
