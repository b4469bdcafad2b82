// Notices shown at the top of the page: outcomes of actions, and a claim landing on the chosen
// account's panel. Read by screen readers (ui/Notices.tsx is a live region).
import { createStore } from './store';

export interface Notice {
  id: number;
  kind: 'success' | 'error' | 'panel' | 'info';
  text: string;
  href?: string;
  link?: string;
}

export const noticesStore = createStore<Notice[]>([]);
let next = 1;

export function notify(notice: Omit<Notice, 'id'>, ttlMs = notice.kind === 'panel' ? 0 : 8000): number {
  const id = next++;
  noticesStore.set((list) => [...list.slice(-4), { ...notice, id }]);
  if (ttlMs > 0) setTimeout(() => dismiss(id), ttlMs);
  return id;
}

export function dismiss(id: number): void {
  noticesStore.set((list) => list.filter((n) => n.id !== id));
}
