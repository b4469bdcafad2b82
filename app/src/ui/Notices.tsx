import { dismiss, noticesStore } from '../notices';
import { useStore } from '../store';

export function Notices() {
  const notices = useStore(noticesStore);
  return (
    <div class="notices" aria-live="polite">
      {notices.map((n) => (
        <div class={`notice ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'} data-kind={n.kind}>
          <span>{n.text}</span>
          {n.href && (
            <a href={n.href} onClick={() => dismiss(n.id)}>
              {n.link ?? 'Open'}
            </a>
          )}
          <button type="button" class="close" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
