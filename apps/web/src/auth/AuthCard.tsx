import { useEffect, useRef, type ReactNode } from "react";
import { BrandMark } from "../layout/BrandMark";

/** The centred card the sign-in, first-run and invite pages share; its heading names the page. */
export function AuthCard({ title, lead, children, testId }: { title: string; lead?: ReactNode; children?: ReactNode; testId: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Eventloom`;
  }, [title]);
  return (
    <div className="auth-page">
      <main className="auth-card" aria-labelledby="auth-title" data-testid={testId}>
        <div className="auth-card__brand">
          <BrandMark size={28} />
          <span>Eventloom</span>
        </div>
        <h1 id="auth-title" ref={heading} className="auth-card__title">
          {title}
        </h1>
        {lead && <div className="auth-card__lead">{lead}</div>}
        {children}
      </main>
    </div>
  );
}

/** The form's own message (wrong password, rate limit): announced, and where focus goes after a failed submit. */
export function FormAlert({ message }: { message: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div ref={ref} className="form-alert" role="alert" tabIndex={-1} data-testid="form-error">
      {message}
    </div>
  );
}
