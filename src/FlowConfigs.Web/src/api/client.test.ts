import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiClient, ApiError, attachmentName, auditPath } from "./client";

type Call = { url: string; init: RequestInit };

/** Stands in for the gateway: records each request and answers with the given response. */
function gateway(...responses: Response[]): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return responses.shift() ?? new Response(null, { status: 500 });
  });
  return calls;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
const api = new ApiClient(() => "token");
const headersOf = (call: Call) => call.init.headers as Record<string, string>;

describe("ApiClient change control", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("asks the audit with only the filters that are set, then the page", () => {
    expect(auditPath({})).toBe("/api/audit");
    expect(auditPath({ id: "queue/billing", user: " ", from: "2026-12-01T00:00:00.000Z", action: "publish" }, "c2", 100))
      .toBe("/api/audit?id=queue%2Fbilling&from=2026-12-01T00%3A00%3A00.000Z&action=publish&cursor=c2&limit=100");
  });

  it("downloads the audit as CSV with the same filters and the server's file name", async () => {
    const calls = gateway(new Response("at,by\n", { headers: { "Content-Type": "text/csv", "Content-Disposition": 'attachment; filename="audit-2026-12-01.csv"' } }));
    const { blob, fileName } = await api.auditCsv({ user: "alice", to: "2026-12-02T00:00:00.000Z" });
    expect(calls[0].url).toBe("/api/audit?user=alice&to=2026-12-02T00%3A00%3A00.000Z");
    expect(calls[0].init.method).toBe("GET");
    expect(headersOf(calls[0])).toMatchObject({ Accept: "text/csv", Authorization: "Bearer token" });
    expect(await blob.text()).toBe("at,by\n");
    expect(fileName).toBe("audit-2026-12-01.csv");
  });

  it("reads a file name whether quoted or not", () => {
    expect(attachmentName("attachment; filename=audit.csv")).toBe("audit.csv");
    expect(attachmentName(null)).toBeUndefined();
  });

  it("creates a draft only if there is none, and replaces only the version read", async () => {
    const draft = { id: "q", version: 4 };
    const calls = gateway(json(draft, 201, { ETag: '"4"' }), json(draft, 200));
    expect((await api.saveDraft({ id: "q", description: "", variables: {}, prompts: {} }, { create: true })).etag).toBe('"4"');
    await api.saveDraft({ id: "q", description: "", variables: {}, prompts: {} }, { etag: '"4"' });
    expect(calls[0].url).toBe("/api/flow-config/q/draft");
    expect(calls[0].init.method).toBe("PUT");
    expect(headersOf(calls[0])["If-None-Match"]).toBe("*");
    expect(headersOf(calls[1])["If-Match"]).toBe('"4"');
  });

  it("answers null for a config without a draft, and throws other problems", async () => {
    gateway(json({ title: "Not found" }, 404), new Response(null, { status: 204 }), json({ title: "Forbidden" }, 403));
    expect(await api.draft("q")).toBeNull();
    expect(await api.draft("q")).toBeNull();
    await expect(api.draft("q")).rejects.toMatchObject({ status: 403 });
  });

  it("tells a scheduled publish (202) from a published one (200)", async () => {
    const calls = gateway(json({ id: "q", version: 5, publishAt: "2026-12-24T23:00:00+00:00" }, 202), json({ config: { id: "q", version: 8 }, draft: null }));
    expect(await api.publishDraft("q", "2026-12-24T23:00:00.000Z")).toMatchObject({ scheduled: { publishAt: "2026-12-24T23:00:00+00:00" }, etag: '"5"' });
    expect(await api.publishDraft("q")).toEqual({ published: { id: "q", version: 8 } });
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ at: "2026-12-24T23:00:00.000Z" });
    expect(JSON.parse(calls[1].init.body as string)).toEqual({});
  });

  it("sends an emergency's reason in the saved body, and as the body of a delete or rollback", async () => {
    const calls = gateway(json({ id: "q", version: 9 }), new Response(null, { status: 204 }), json({ id: "q", version: 10 }));
    await api.save({ id: "q", description: "", variables: {}, prompts: {} }, { etag: '"8"', emergencyReason: "Storm" });
    await api.remove("q", "Storm");
    await api.rollback("q", 3, "Storm");
    expect(JSON.parse(calls[0].init.body as string)).toMatchObject({ id: "q", emergency: { reason: "Storm" } });
    expect(calls[1].init.method).toBe("DELETE");
    expect(JSON.parse(calls[1].init.body as string)).toEqual({ emergency: { reason: "Storm" } });
    expect(JSON.parse(calls[2].init.body as string)).toEqual({ emergency: { reason: "Storm" } });
  });

  it("resolves the draft at a moment like the live config", async () => {
    const calls = gateway(json({ greeting: "Hi" }));
    expect(await api.draftResolve("queue/billing", "en-US", "voice", "2026-12-25T09:00")).toEqual({ greeting: "Hi" });
    expect(calls[0].url).toBe("/api/flow-config/queue%2Fbilling/draft/resolve?lang=en-US&channel=voice&at=2026-12-25T09%3A00");
  });

  it("sends no body on an ordinary delete", async () => {
    const calls = gateway(new Response(null, { status: 204 }));
    await api.remove("q");
    expect(calls[0].init.body).toBeUndefined();
  });

  it("keeps a problem's type and extensions, so the page can tell draft-required from other conflicts", async () => {
    gateway(json({ type: "https://flowconfigs.dev/problems/approval-required", title: "Approval required", detail: "Needs 2 approvals.", approvalsRequired: 2, approvals: 1 }, 409));
    const error = (await api.publishDraft("q").catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.is("approval-required")).toBe(true);
    expect(error.is("draft-required")).toBe(false);
    expect(error.problem.approvalsRequired).toBe(2);
    expect(error.message).toBe("Needs 2 approvals.");
  });
});
