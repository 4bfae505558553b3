import { describe, expect, it } from "vitest";
import type { Me } from "../api/types";
import { levelFromTags } from "./levelFromTags";

const me = (tags: Partial<Me["tags"]>, admin = false): Me => ({
  username: "alice", groups: [], tags: { full: [], edit: [], read: [], ...tags },
  canCreateConfigs: admin, canManageSettings: admin, canManageCalendars: admin, canViewAudit: admin, canViewOperations: admin,
});

describe("levelFromTags", () => {
  it("takes the highest level whose pattern matches the id", () => {
    const user = me({ full: ["queue/vip/*"], edit: ["queue/*"], read: ["*"] });
    expect(levelFromTags(user, "queue/vip/gold")).toBe("full");
    expect(levelFromTags(user, "queue/billing")).toBe("edit");
    expect(levelFromTags(user, "branch/austin")).toBe("read");
    expect(levelFromTags(me({ edit: ["queue/*"] }), "branch/austin")).toBe("none");
  });

  it("gives Full to someone with Full on every config, whatever their tags", () => {
    expect(levelFromTags(me({}, true), "queue/billing")).toBe("full");
  });
});
