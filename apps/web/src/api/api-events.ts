/**
 * The API client reports session trouble as window events so it depends on no store: the auth layer listens and
 * decides (a 401 sends the user to sign-in, a 403 shows the server's message). Same pattern as the router's
 * navigate event.
 */
export const UNAUTHENTICATED_EVENT = "eventloom:unauthenticated";
export const FORBIDDEN_EVENT = "eventloom:forbidden";

export interface ForbiddenDetail {
  message: string;
}

export function announceUnauthenticated(): void {
  window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
}

export function announceForbidden(detail: ForbiddenDetail): void {
  window.dispatchEvent(new CustomEvent<ForbiddenDetail>(FORBIDDEN_EVENT, { detail }));
}

/** Subscribes to both; returns the unsubscribe function. */
export function onSessionTrouble(handlers: { unauthenticated(): void; forbidden(detail: ForbiddenDetail): void }): () => void {
  const onUnauthenticated = () => handlers.unauthenticated();
  const onForbidden = (event: Event) => handlers.forbidden((event as CustomEvent<ForbiddenDetail>).detail);
  window.addEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
  window.addEventListener(FORBIDDEN_EVENT, onForbidden);
  return () => {
    window.removeEventListener(UNAUTHENTICATED_EVENT, onUnauthenticated);
    window.removeEventListener(FORBIDDEN_EVENT, onForbidden);
  };
}
