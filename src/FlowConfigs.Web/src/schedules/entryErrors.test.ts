import { describe, expect, it } from "vitest";
import { describePath, entrySummaryMessages, errorsOfEntry, followEdit, followMove, followRemove, parseEntryPath, rekey } from "./entryErrors";

// As the server sends them (first message per field), plus one about the config itself.
const server = {
  "schedule[0].end": "The end must be after the start.",
  "schedule[2].variables.closure": "Choose true or false.",
  "schedule[2]": "Choose at least one variable or prompt.",
  "schedule[1].calendar": "There is no calendar us-holidays.",
  "schedule[10].prompts.welcome.en-US.voice": "Voice text is required.",
  timeZone: "Changing the time zone needs Full access.",
  "variables.closure": "Choose true or false.",
};

describe("schedule problems on their entry and field", () => {
  it("reads the entry and the path inside it", () => {
    expect(parseEntryPath("schedule[2].variables.closure")).toEqual({ index: 2, path: "variables.closure" });
    expect(parseEntryPath("schedule[2]")).toEqual({ index: 2, path: "" });
    expect(parseEntryPath("schedule[10].prompts.welcome.en-US.voice")).toEqual({ index: 10, path: "prompts.welcome.en-US.voice" });
    expect(parseEntryPath("schedule")).toBeUndefined();
    expect(parseEntryPath("variables.schedule[1]")).toBeUndefined();
  });

  it("gives each entry its own messages only", () => {
    expect(errorsOfEntry(server, 2)).toEqual({ "variables.closure": "Choose true or false.", "": "Choose at least one variable or prompt." });
    expect(errorsOfEntry(server, 1)).toEqual({ calendar: "There is no calendar us-holidays." });
    expect(errorsOfEntry(server, 10)).toEqual({ "prompts.welcome.en-US.voice": "Voice text is required." });
    expect(errorsOfEntry(server, 3)).toEqual({});
  });

  it("words an entry's messages for its summary in the list", () => {
    expect(entrySummaryMessages(errorsOfEntry(server, 2))).toEqual(["Variable closure: Choose true or false.", "Choose at least one variable or prompt."]);
    expect(describePath("prompts.welcome.en-US.voice")).toBe("Prompt welcome, en-US voice text");
    expect(describePath("prompts.welcome")).toBe("Prompt welcome");
    expect(describePath("end")).toBe("End");
  });

  it("moves messages with an entry moved up, and with the one it passed", () => {
    const moved = rekey(server, followMove(2, 1));
    expect(moved["schedule[1].variables.closure"]).toBe("Choose true or false.");
    expect(moved["schedule[1]"]).toBe("Choose at least one variable or prompt.");
    expect(moved["schedule[2].calendar"]).toBe("There is no calendar us-holidays.");
    expect(moved["schedule[0].end"]).toBe("The end must be after the start.");
    expect(moved["schedule[10].prompts.welcome.en-US.voice"]).toBe("Voice text is required.");
    expect(moved.timeZone).toBe(server.timeZone);
    expect(Object.keys(moved)).toHaveLength(Object.keys(server).length);
  });

  it("moves messages with an entry moved down", () => {
    const moved = rekey(server, followMove(0, 1));
    expect(moved["schedule[1].end"]).toBe("The end must be after the start.");
    expect(moved["schedule[0].calendar"]).toBe("There is no calendar us-holidays.");
    expect(moved["schedule[2]"]).toBe("Choose at least one variable or prompt.");
  });

  it("drops a removed entry's messages and moves the later ones up", () => {
    const left = rekey(server, followRemove(1));
    expect(left).toEqual({
      "schedule[0].end": "The end must be after the start.",
      "schedule[1].variables.closure": "Choose true or false.",
      "schedule[1]": "Choose at least one variable or prompt.",
      "schedule[9].prompts.welcome.en-US.voice": "Voice text is required.",
      timeZone: server.timeZone,
      "variables.closure": "Choose true or false.",
    });
  });

  it("drops what the server said about an entry once it is edited", () => {
    const left = rekey(server, followEdit(2));
    expect(errorsOfEntry(left, 2)).toEqual({});
    expect(left["schedule[0].end"]).toBe(server["schedule[0].end"]);
  });
});
