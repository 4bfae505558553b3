import { describe, expect, it, vi } from "vitest";

const init = vi.fn();
vi.mock("@amazon-connect/app", () => ({ AmazonConnectApp: { init } }));

const { initAgentWorkspace } = await import("./agentWorkspace");

describe("initAgentWorkspace", () => {
  it("stays out of the way in a normal tab", () => {
    const win = { self: 1, top: 1 } as unknown as Window;
    expect(initAgentWorkspace(win)).toBe(false);
    expect(init).not.toHaveBeenCalled();
  });

  it("introduces the app to the workspace when framed", () => {
    const win = { self: 1, top: 2 } as unknown as Window;
    expect(initAgentWorkspace(win)).toBe(true);
    expect(init).toHaveBeenCalledWith(expect.objectContaining({ onCreate: expect.any(Function) }));
  });
});
