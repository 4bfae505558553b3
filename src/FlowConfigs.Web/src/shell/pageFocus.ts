/**
 * After the app moves to another page, keyboard and screen-reader users land on the new page's title rather than on
 * the link they used (or nowhere, when that link went away with the old page). The page may still be loading, so
 * this waits briefly for its h1, and gives up if the user moves focus somewhere themselves meanwhile.
 */
export function focusPageHeading(root: ParentNode = document, timeoutMs = 5000): () => void {
  const start = document.activeElement;
  const tryFocus = () => {
    const active = document.activeElement;
    if (active && active !== start && active !== document.body && active.isConnected) return true;
    const heading = root.querySelector<HTMLElement>("h1");
    if (!heading) return false;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus();
    return true;
  };
  if (tryFocus()) return () => {};
  const observer = new MutationObserver(() => { if (tryFocus()) stop(); });
  const timer = window.setTimeout(() => stop(), timeoutMs);
  function stop() {
    observer.disconnect();
    window.clearTimeout(timer);
  }
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}
