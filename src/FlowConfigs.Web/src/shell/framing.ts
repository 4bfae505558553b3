/**
 * Whether the app runs inside another page: the Amazon Connect Agent Workspace frames third-party apps. A frame whose
 * parent is of another origin may not even read `top`; that, too, means framed.
 */
export function isFramed(win: Window = window): boolean {
  try {
    return win.self !== win.top;
  } catch {
    return true;
  }
}
