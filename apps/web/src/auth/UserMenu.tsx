import { MenuButton } from "../layout/MenuButton";
import { ThemeSwitch } from "../theme/ThemeSwitch";
import { signOut } from "./auth-actions";
import { useSessionStore } from "./session-store";

/** The signed-in user's initials; opens name, email, the colour theme, sign out and sign out everywhere. */
export function UserMenu() {
  const user = useSessionStore((s) => s.user);
  if (!user) return null;
  return (
    <MenuButton label={<span className="avatar" aria-hidden="true">{initials(user.name || user.email)}</span>} ariaLabel={`Account: ${user.name}`} testId="user-menu" align="right">
      {(close) => (
        <>
          <div className="menu-panel__who">
            <strong data-testid="user-menu-name">{user.name}</strong>
            <span data-testid="user-menu-email">{user.email}</span>
          </div>
          <ThemeSwitch />
          <button type="button" className="menu-item" onClick={() => { close(); void signOut(); }} data-testid="sign-out">
            Sign out
          </button>
          <button
            type="button"
            className="menu-item"
            title="Ends your sessions in every browser and device"
            onClick={() => { close(); void signOut({ everywhere: true }); }}
            data-testid="sign-out-everywhere"
          >
            Sign out everywhere
          </button>
        </>
      )}
    </MenuButton>
  );
}

export function initials(name: string): string {
  const words = name.trim().split(/[\s@._-]+/).filter(Boolean);
  const letters = words.length > 1 ? `${words[0]![0]}${words[1]![0]}` : (words[0] ?? "?").slice(0, 2);
  return letters.toUpperCase();
}
