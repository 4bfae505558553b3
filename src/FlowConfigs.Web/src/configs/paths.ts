// A config id may contain '/', so in the app's URLs it is one percent-encoded segment, as in the API's.
export const editorPath = (id: string) => `/configs/${encodeURIComponent(id)}`;
export const historyPath = (id: string) => `/configs/${encodeURIComponent(id)}/history`;
export const draftPath = (id: string) => `${editorPath(id)}?tab=draft`;
