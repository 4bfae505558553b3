import { describe, expect, it } from "vitest";
import type { FlowConfig } from "../api/types";
import { resolvedSize, validateConfig, validateId, validateSsml } from "./validation";

const valid: FlowConfig = {
  id: "branch-office-austin",
  description: "Austin branch",
  variables: { closure: "false", maxWaitTime: "600", priority: "medium" },
  schema: {
    closure: { type: "boolean" },
    maxWaitTime: { type: "number" },
    priority: { type: "select", options: ["low", "medium", "high"] },
  },
  prompts: { greeting: { "en-US": { voice: "<speak>Hello.</speak>", chat: "Hi!" }, "es-US": { voice: "Hola." } } },
};

describe("validateConfig mirrors the server's rules", () => {
  it("accepts a valid config", () => {
    expect(validateConfig(valid)).toEqual({});
  });

  it.each([
    [{ ...valid, description: "" }, "description"],
    [{ ...valid, variables: { ...valid.variables, maxWaitTime: "ten" } }, "variables.maxWaitTime"],
    [{ ...valid, variables: { ...valid.variables, maxWaitTime: "1,5" } }, "variables.maxWaitTime"],
    [{ ...valid, variables: { ...valid.variables, closure: "yes" } }, "variables.closure"],
    [{ ...valid, variables: { ...valid.variables, priority: "urgent" } }, "variables.priority"],
    [{ ...valid, variables: { ...valid.variables, "bad name": "x" } }, "variables.bad name"],
    [{ ...valid, prompts: { greeting: { english: { voice: "x" } } } }, "prompts.greeting.english"],
    [{ ...valid, prompts: { greeting: { "en-US": { voice: "  " } } } }, "prompts.greeting.en-US.voice"],
    [{ ...valid, prompts: { greeting: { "en-US": { voice: "<speak>unclosed" } } } }, "prompts.greeting.en-US.voice"],
    [{ ...valid, prompts: { greeting: { "en-US": { voice: "<voice>x</voice>" } } } }, "prompts.greeting.en-US.voice"],
    [{ ...valid, prompts: { closure: { "en-US": { voice: "x" } } } }, "prompts.closure"],
    [{ ...valid, prompts: { greeting: {} } }, "prompts.greeting"],
    [{ ...valid, schema: { ...valid.schema, missing: { type: "text" as const } } }, "schema.missing"],
  ])("names the field %#", (config, field) => {
    expect(Object.keys(validateConfig(config as FlowConfig))).toContain(field);
  });

  it.each(["../x", "a//b", "/x", "x/", "a b", "preview", "x".repeat(129), "café"])("refuses the id %s", (id) => {
    expect(validateId(id)).toBeDefined();
  });

  it.each(["+18005551234", "queue/technical-support", "a.b:c@d"])("accepts the id %s", (id) => {
    expect(validateId(id)).toBeUndefined();
  });

  it("counts resolved size in UTF-8 bytes", () => {
    expect(resolvedSize({ a: "é" })).toBe(new TextEncoder().encode('{"a":"é"}').length);
  });
});

describe("validateSsml mirrors the server's SSML allow-list", () => {
  // One prompt per allowed element, as Polly's documentation writes them.
  const allowed: Record<string, string> = {
    speak: "<speak>Mary had a little lamb.</speak>",
    break: '<speak>Hold on<break time="3s"/>thanks<break strength="x-strong"/><break/><break time="250ms"></break></speak>',
    emphasis: '<speak>I <emphasis level="strong">really like</emphasis> that.</speak>',
    lang: '<speak>Bonjour is <lang xml:lang="fr-FR" onlangfailure="changevoice">bonjour</lang>.</speak>',
    mark: '<speak>Mary had <mark name="animal"/>a little lamb.</speak>',
    p: "<speak><p>One.</p><p>Two.</p></speak>",
    phoneme: '<speak>You say <phoneme alphabet="ipa" ph="pɪˈkɑːn">pecan</phoneme>.</speak>',
    prosody: '<speak><prosody volume="+6dB" rate="90%" pitch="-10%">Quiet</prosody><prosody amazon:max-duration="2s">Short</prosody></speak>',
    s: "<speak><s>First sentence</s><s>Second</s></speak>",
    "say-as": '<speak><say-as interpret-as="date" format="mdy">12/25/2026</say-as> <say-as interpret-as="telephone">2025551212</say-as></speak>',
    sub: '<speak>My favorite chemical element is <sub alias="aluminium">Al</sub>.</speak>',
    w: '<speak>The present simple form of <w role="amazon:VB">read</w>.</speak>',
    "amazon:auto-breaths": '<speak><amazon:auto-breaths volume="x-soft" frequency="low" duration="x-short">Long text</amazon:auto-breaths></speak>',
    "amazon:breath": '<speak>Sometimes <amazon:breath duration="medium" volume="x-loud"/>a breath.</speak>',
    "amazon:domain": "<speak><amazon:domain name=\"news\">Today's headlines.</amazon:domain></speak>",
    "amazon:effect":
      '<speak><amazon:effect name="whispered">A secret.</amazon:effect><amazon:effect phonation="soft" vocal-tract-length="+15%">Big</amazon:effect></speak>',
    "amazon:emotion": '<speak><amazon:emotion name="excited" intensity="medium">We won!</amazon:emotion></speak>',
  };

  it.each(Object.entries(allowed))("accepts <%s>", (_, ssml) => {
    expect(validateSsml(ssml)).toBeUndefined();
  });

  it.each([
    '<?xml version="1.0"?><speak>Declared</speak>',
    "<!-- a note --><speak>Commented <!-- inside too -->text</speak>",
    "<speak><![CDATA[5 < 6 & 7]]></speak>",
    "Press <1> & hold",
    'Hello <audio src="/etc/passwd"/>',
  ])("accepts %s", (text) => {
    expect(validateSsml(text)).toBeUndefined();
  });

  it.each([
    ['<speak><audio src="/etc/passwd"/>hi</speak>', "<audio> is not allowed: a prompt cannot play audio files from SSML; use speak, break,"],
    ['<speak><voice name="Joanna">hi</voice></speak>', "<voice> is not SSML that Amazon Connect speaks; use speak, break,"],
    ["<speak><amazon:unknown>x</amazon:unknown></speak>", "<amazon:unknown> is not SSML"],
    ['<speak><x:audio xmlns:x="urn:x" src="/etc/passwd"/></speak>', "<x:audio> is not SSML"],
    ["<speak><constructor>x</constructor></speak>", "<constructor> is not SSML"],
    ['<speak xml:base="/usr/share/sounds">x</speak>', "<speak> has no attribute 'xml:base'; it takes none."],
    ['<speak xmlns="http://www.w3.org/2001/10/synthesis">x</speak>', "<speak> has no attribute 'xmlns'"],
    ['<speak><break time="1s" src="/etc/passwd"/></speak>', "<break> has no attribute 'src'; it takes strength, time."],
    ['<speak><say-as interpret-as="digits" detail="2">12</say-as></speak>', "<say-as> has no attribute 'detail'"],
    ["<speak><say-as>12</say-as></speak>", "<say-as> needs a 'interpret-as' attribute."],
    ['<speak><break time="forever"/></speak>', '<break time="forever"> must be a duration such as 500ms or 2s.'],
    ['<speak><break strength="huge"/></speak>', '<break strength="huge"> must be one of none, x-weak, weak, medium, strong, x-strong.'],
    ["<speak><break>words</break></speak>", "<break> must be empty."],
    ['<speak><mark name="m"><s>x</s></mark></speak>', "<mark> must be empty."],
    ["<speak><speak>again</speak></speak>", "<speak> may appear only once"],
    ["<voice>x</voice>", "SSML must have <speak> as its root element."],
    ["<speak>unclosed", "The SSML is not well-formed."],
    ["<speak>&nbsp;</speak>", "The SSML is not well-formed."],
    ["<speak><?espeak command?>x</speak>", "Processing instructions (<?espeak ...?>) are not SSML."],
    [
      '<!DOCTYPE speak [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><speak>&b;&b;</speak>',
      "SSML must not contain a document type declaration (<!DOCTYPE ...>).",
    ],
    ['<!DOCTYPE speak [<!ENTITY file SYSTEM "file:///etc/passwd">]><speak>&file;</speak>', "SSML must not contain a document type declaration"],
  ])("refuses %s", (ssml, problem) => {
    expect(validateSsml(ssml)).toContain(problem);
  });

  it("bounds depth and size as the server does", () => {
    const nest = (depth: number) => `<speak>${"<s>".repeat(depth)}x${"</s>".repeat(depth)}</speak>`;
    expect(validateSsml(nest(31))).toBeUndefined();
    expect(validateSsml(nest(32))).toBe("The SSML nests elements more than 32 deep.");
    const big = `<speak>${"a".repeat(64 * 1024)}</speak>`;
    expect(validateSsml(big)).toBe("The SSML is 65,551 characters long; at most 65,536 are allowed.");
  });

  it("names the prompt and language of a voice text with <audio>", () => {
    const config = { ...valid, prompts: { greeting: { "es-US": { voice: '<speak><audio src="/etc/passwd"/>hola</speak>' } } } };
    expect(validateConfig(config)["prompts.greeting.es-US.voice"]).toMatch(/^<audio> is not allowed/);
  });
});
