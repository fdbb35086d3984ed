import { useState } from 'preact/hooks';

/** Asks for an API key (or token); it is kept in this browser until signing out. */
export function SignIn({ reason, onSignIn, onCancel }: { reason: string | null; onSignIn: (key: string) => void; onCancel: (() => void) | null }) {
  const [key, setKey] = useState('');
  return (
    <main class="page page--signin">
      <form
        class="signin"
        onSubmit={(event) => {
          event.preventDefault();
          if (key.trim()) {
            onSignIn(key.trim());
          }
        }}
      >
        <h1>Sign in</h1>
        {reason && <p class="banner banner--warning">{reason}</p>}
        <label>
          API key or token
          <input type="password" autoComplete="off" value={key} onInput={(event) => setKey(event.currentTarget.value)} autoFocus />
        </label>
        <p class="note">It is sent to this Gateway only, and kept in this browser until you sign out.</p>
        <div class="actions">
          <button type="submit" class="primary">Sign in</button>
          {onCancel && <button type="button" onClick={onCancel}>Cancel</button>}
        </div>
      </form>
    </main>
  );
}
