/**
 * The handler base of the deployed apps: the folder above this page. The install page lives at
 * `<base>/install/`, every app at `<base>/<app>/`, so `im-sidebar/` resolves to `<base>/im-sidebar/`.
 * The host's query (`?DOMAIN=…&APP_SID=…`) is dropped.
 */
export function handlerBaseOf(pageHref: string): string {
  return new URL('../', pageHref).toString();
}
