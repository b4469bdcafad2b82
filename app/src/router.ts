// Hash routing: #/me, #/tree[/account], #/claims, #/claim/<id>, #/agreements,
// #/agreement/<id>, #/coop, #/member/<account>. The query string (?ws=) is left alone.
import { useEffect, useState } from 'preact/hooks';

export type Page = 'me' | 'tree' | 'claims' | 'claim' | 'agreements' | 'agreement' | 'coop' | 'member';
export interface Route {
  page: Page;
  param: string | null;
}

const PAGES: Page[] = ['me', 'tree', 'claims', 'claim', 'agreements', 'agreement', 'coop', 'member'];

export function parseRoute(hash: string): Route {
  const [page, param] = hash.replace(/^#\/?/, '').split('/');
  if (PAGES.includes(page as Page)) return { page: page as Page, param: param ? decodeURIComponent(param) : null };
  return { page: 'me', param: null };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => {
      setRoute(parseRoute(window.location.hash));
      window.scrollTo(0, 0);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export const href = (page: Page, param?: string | number) => `#/${page}${param !== undefined ? '/' + encodeURIComponent(String(param)) : ''}`;
