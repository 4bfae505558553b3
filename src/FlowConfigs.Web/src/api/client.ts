import type {
  AppSettings, AuditFilters, AuditPage, Calendar, ClusterView, CalendarRevisionSummary, CalendarSummary, Draft, DraftDiff, FlowConfig, FlowConfigPage, ImportItem,
  ImportOptions, ListQuery, InitSettings, Me, Published, Revision, RevisionSummary, ReviewItem, SpeechVoiceList, TimelineSegment,
  ConfigUsage, UsageOverview,
} from "./types";

/** A problem+json answer: the status, a sentence, and the fields it names (the gateway names the field of every error). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly fields: Record<string, string[]> = {},
    /** The problem's type URI; change control's conflicts are told apart by how it ends ("/approval-required"). */
    readonly type = "",
    /** The whole problem body, for the extensions some problems carry (approvalsRequired, liveVersion, changes). */
    readonly problem: Record<string, unknown> = {},
  ) {
    super(detail || title);
  }

  /** Whether the problem's type ends with this name, e.g. "draft-required". */
  is(name: string): boolean {
    return this.type.endsWith(`/${name}`);
  }

  /** The first message for a field path such as "variables.maxWaitTime", if the server named it. */
  fieldMessage(path: string): string | undefined {
    return this.fields[path]?.[0];
  }
}

export type TokenSource = () => string | null;

/** One small client for the gateway's public API; every call sends the bearer token and turns problems into ApiError. */
export class ApiClient {
  constructor(
    private readonly token: TokenSource,
    private readonly onUnauthorized: () => void = () => {},
    private readonly baseUrl = "",
  ) {}

  init = () => this.json<InitSettings>("GET", "/api/init", undefined, false);
  me = () => this.json<Me>("GET", "/api/me");
  /**
   * One page of the configs the user may read, by id; pass the returned cursor (and the same q) for the next (none on
   * the last page). A page can be short, even empty, and still have a cursor.
   */
  list = (query: ListQuery = {}) => {
    const params = new URLSearchParams();
    if (query.pattern) params.set("pattern", query.pattern);
    if (query.q) params.set("q", query.q);
    if (query.limit) params.set("limit", String(query.limit));
    if (query.cursor) params.set("cursor", query.cursor);
    const search = params.toString();
    return this.json<FlowConfigPage>("GET", "/api/flow-config" + (search ? `?${search}` : ""));
  };

  /** The user's level on one config, or null when they may not read it (or it does not exist). */
  levelOn = async (id: string) => (await this.list({ pattern: id, limit: 1 })).items.find((i) => i.id === id)?.accessLevel ?? null;

  async get(id: string): Promise<{ config: FlowConfig; etag: string | null }> {
    const response = await this.send("GET", configPath(id));
    return { config: (await response.json()) as FlowConfig, etag: response.headers.get("ETag") };
  }

  /**
   * Saves with If-Match (the version read) or If-None-Match: * (create); a 412 means someone else saved first. A config
   * that needs approval takes a direct save only as an emergency, with its reason (Full access).
   */
  async save(config: FlowConfig, options: { create?: boolean; etag?: string | null; emergencyReason?: string } = {}): Promise<FlowConfig> {
    const body = options.emergencyReason === undefined ? config : { ...config, emergency: { reason: options.emergencyReason } };
    const response = await this.send("POST", configPath(config.id), body, conditional(options));
    return (await response.json()) as FlowConfig;
  }

  remove = (id: string, emergencyReason?: string) =>
    this.send("DELETE", configPath(id), emergencyBody(emergencyReason)).then(() => undefined);
  /** The flat map of an unsaved config; `at` (a local time in the config's zone, or with an offset) previews its schedule then. */
  preview = (flowConfig: FlowConfig, lang: string, channel: string, at?: string) =>
    this.json<Record<string, string>>("POST", "/api/flow-config/preview", { flowConfig, lang, channel, ...(at ? { at } : {}) });
  /** Which schedule entries apply when between two times (local to the config's zone, or with offsets), as contiguous segments. */
  timeline = (id: string, from: string, to: string) =>
    this.json<TimelineSegment[]>("GET", `${configPath(id)}/timeline?${new URLSearchParams({ from, to })}`);
  timeZones = () => this.json<{ items: string[] }>("GET", "/api/time-zones").then((body) => body.items);
  /** The config's GetConfig reads per UTC day over the last `days` days (1 to 90); counts lag reads by some seconds. */
  configUsage = (id: string, days = 30) => this.json<ConfigUsage>("GET", `${configPath(id)}/usage?days=${days}`);
  /** Reads of every config the caller may read, unused configs and missing translations (and, for admins, unknown ids asked for). */
  usage = (days = 30) => this.json<UsageOverview>("GET", `/api/usage?days=${days}`);
  history = (id: string) => this.json<{ items: RevisionSummary[] }>("GET", `${configPath(id)}/history`);
  revision = (id: string, version: number) => this.json<Revision>("GET", `${configPath(id)}/history/${version}`);
  rollback = (id: string, version: number, emergencyReason?: string) =>
    this.json<FlowConfig>("POST", `${configPath(id)}/rollback/${version}`, emergencyBody(emergencyReason));

  /**
   * The config's draft, or null when it has none: a 404 problem, or an empty answer (204), which keeps the browser's
   * console free of a failed request on every config without a draft.
   */
  async draft(id: string): Promise<{ draft: Draft; etag: string } | null> {
    try {
      const response = await this.send("GET", draftPath(id));
      return response.status === 204 ? null : await this.draftAnswer(response);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }

  /** Creates the draft (create: If-None-Match: *) or replaces the version read (If-Match); 412 when either no longer holds. */
  saveDraft = async (config: FlowConfig, options: { create?: boolean; etag?: string | null } = {}) =>
    this.draftAnswer(await this.send("PUT", draftPath(config.id), config, conditional(options)));

  removeDraft = (id: string, etag?: string | null) =>
    this.send("DELETE", draftPath(id), undefined, etag ? { "If-Match": etag } : {}).then(() => undefined);
  draftDiff = (id: string) => this.json<DraftDiff>("GET", `${draftPath(id)}/diff`);
  /** The flat map the draft would give contact flows, as GET /{id}/resolve gives the live config's. */
  draftResolve = (id: string, lang: string, channel: string, at?: string) =>
    this.json<Record<string, string>>("GET", `${draftPath(id)}/resolve?${new URLSearchParams({ lang, channel, ...(at ? { at } : {}) })}`);
  submitDraft = async (id: string, comment?: string) => this.draftAnswer(await this.send("POST", `${draftPath(id)}/submit`, withComment(comment)));
  approveDraft = async (id: string, comment?: string) => this.draftAnswer(await this.send("POST", `${draftPath(id)}/approve`, withComment(comment)));
  rejectDraft = async (id: string, comment: string) => this.draftAnswer(await this.send("POST", `${draftPath(id)}/reject`, { comment }));
  commentDraft = async (id: string, comment: string) => this.draftAnswer(await this.send("POST", `${draftPath(id)}/comment`, { comment }));

  /** Publishes now (no `at`, or a past one: the draft becomes live and goes) or schedules it (202, the draft with publishAt). */
  async publishDraft(id: string, at?: string): Promise<{ published: FlowConfig } | { scheduled: Draft; etag: string }> {
    const response = await this.send("POST", `${draftPath(id)}/publish`, at ? { at } : {});
    if (response.status === 202) {
      const { draft, etag } = await this.draftAnswer(response);
      return { scheduled: draft, etag };
    }
    return { published: ((await response.json()) as Published).config };
  }

  unschedulePublish = async (id: string) => this.draftAnswer(await this.send("DELETE", `${draftPath(id)}/publish`));

  /** Submitted drafts the caller may approve, oldest first; `mine`: the caller's own open drafts in any state. */
  reviews = (mine = false) => this.json<{ items: ReviewItem[] }>("GET", `/api/reviews${mine ? "?mine=true" : ""}`).then((body) => body.items);
  audit = (filters: AuditFilters, cursor?: string, limit?: number) => this.json<AuditPage>("GET", auditPath(filters, cursor, limit));

  /** The whole filtered audit as CSV, as the server names the file. */
  async auditCsv(filters: AuditFilters): Promise<{ blob: Blob; fileName: string }> {
    const response = await this.send("GET", auditPath(filters), undefined, { Accept: "text/csv" });
    return { blob: await response.blob(), fileName: attachmentName(response.headers.get("Content-Disposition")) ?? "audit.csv" };
  }
  cluster = () => this.json<ClusterView>("GET", "/api/ops/cluster");
  settings = () => this.json<AppSettings>("GET", "/api/settings");
  saveSettings = (settings: AppSettings) => this.json<AppSettings>("POST", "/api/settings", settings);
  exportConfigs = (ids: string[]) => this.json<FlowConfig[]>("GET", `/api/flow-config/export?ids=${encodeURIComponent(ids.join(","))}`);
  /** Plans (dryRun: writes nothing) or runs an import; an existing id is a conflict unless overwrite is set. */
  importConfigs = (configs: unknown, options: ImportOptions = {}) => {
    const params = new URLSearchParams();
    if (options.dryRun) params.set("dryRun", "true");
    if (options.overwrite) params.set("overwrite", "true");
    const search = params.toString();
    return this.json<ImportItem[]>("POST", "/api/flow-config/import" + (search ? `?${search}` : ""), configs);
  };

  calendars = () => this.json<{ items: CalendarSummary[] }>("GET", "/api/calendars").then((body) => body.items);

  async calendar(id: string): Promise<{ calendar: Calendar; etag: string | null }> {
    const response = await this.send("GET", calendarPath(id));
    return { calendar: (await response.json()) as Calendar, etag: response.headers.get("ETag") };
  }

  /** Like a config's save: If-Match with the version read, or If-None-Match: * to create; 412 when someone else saved first. */
  async saveCalendar(calendar: Calendar, options: { create?: boolean; etag?: string | null } = {}): Promise<{ calendar: Calendar; etag: string | null }> {
    const headers: Record<string, string> = {};
    if (options.create) headers["If-None-Match"] = "*";
    else if (options.etag) headers["If-Match"] = options.etag;
    const response = await this.send("PUT", calendarPath(calendar.id), calendar, headers);
    return { calendar: (await response.json()) as Calendar, etag: response.headers.get("ETag") };
  }

  removeCalendar = (id: string, etag?: string | null) =>
    this.send("DELETE", calendarPath(id), undefined, etag ? { "If-Match": etag } : {}).then(() => undefined);
  calendarHistory = (id: string) => this.json<{ items: CalendarRevisionSummary[] }>("GET", `${calendarPath(id)}/history`);
  calendarConfigs = (id: string) => this.json<{ items: string[] }>("GET", `${calendarPath(id)}/configs`).then((body) => body.items);

  /** Replaces the calendar's events with those of an iCalendar (.ics) file; answers the saved calendar. */
  async importCalendar(id: string, ics: string): Promise<{ calendar: Calendar; etag: string | null }> {
    const response = await this.send("POST", `${calendarPath(id)}/import`, new Blob([ics]), { "Content-Type": "text/calendar" });
    return { calendar: (await response.json()) as Calendar, etag: response.headers.get("ETag") };
  }

  async speech(text: string, languageCode: string, voiceId?: string): Promise<Blob> {
    const response = await this.send("POST", "/api/preview-speech", { text, languageCode, voiceId });
    return response.blob();
  }

  private async draftAnswer(response: Response): Promise<{ draft: Draft; etag: string }> {
    const draft = (await response.json()) as Draft;
    return { draft, etag: response.headers.get("ETag") ?? `"${draft.version}"` };
  }

  private async json<T>(method: string, path: string, body?: unknown, authenticated = true): Promise<T> {
    const response = await this.send(method, path, body, {}, authenticated);
    return (await response.json()) as T;
  }

  private async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, authenticated = true): Promise<Response> {
    const token = authenticated ? this.token() : null;
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      // A Blob (an .ics file) goes as it is, with the content type the caller names; anything else as JSON.
      body: body === undefined ? undefined : body instanceof Blob ? body : JSON.stringify(body),
    });
    if (response.ok) return response;
    if (response.status === 401 && authenticated) this.onUnauthorized();
    throw await toApiError(response);
  }

  /** The speech provider's own voices: what settings may name. */
  voices(): Promise<SpeechVoiceList> {
    return this.json<SpeechVoiceList>("GET", "/api/speech/voices");
  }
}

export function configPath(id: string): string {
  return `/api/flow-config/${encodeURIComponent(id)}`;
}

export function draftPath(id: string): string {
  return `${configPath(id)}/draft`;
}

/** The audit's URL: only the filters that are set, then the page. */
export function auditPath(filters: AuditFilters, cursor?: string, limit?: number): string {
  const params = new URLSearchParams();
  for (const key of ["id", "user", "from", "to", "action"] as const) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  if (cursor) params.set("cursor", cursor);
  if (limit) params.set("limit", String(limit));
  const search = params.toString();
  return "/api/audit" + (search ? `?${search}` : "");
}

/** The file name of a Content-Disposition attachment (quoted or not), if it names one. */
export function attachmentName(disposition: string | null): string | undefined {
  const match = /filename="([^"]+)"|filename=([^;\s]+)/i.exec(disposition ?? "");
  return match?.[1] ?? match?.[2];
}

function conditional(options: { create?: boolean; etag?: string | null }): Record<string, string> {
  if (options.create) return { "If-None-Match": "*" };
  return options.etag ? { "If-Match": options.etag } : {};
}

function emergencyBody(reason: string | undefined) {
  return reason === undefined ? undefined : { emergency: { reason } };
}

function withComment(comment: string | undefined) {
  return comment?.trim() ? { comment: comment.trim() } : {};
}

export function calendarPath(id: string): string {
  return `/api/calendars/${encodeURIComponent(id)}`;
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const problem = (await response.json()) as { type?: string; title?: string; detail?: string; errors?: Record<string, string[]> };
    return new ApiError(response.status, problem.title ?? response.statusText, problem.detail ?? "", problem.errors ?? {}, problem.type ?? "", problem);
  } catch {
    return new ApiError(response.status, response.statusText, `The server answered ${response.status}.`);
  }
}
