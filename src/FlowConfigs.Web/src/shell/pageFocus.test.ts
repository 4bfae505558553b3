import { afterEach, describe, expect, it } from "vitest";
import { focusPageHeading } from "./pageFocus";

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("focusPageHeading", () => {
  afterEach(() => { document.body.innerHTML = ""; });

  it("moves focus to the page's h1 from the link that was followed", () => {
    document.body.innerHTML = `<nav><a href="/x" id="crumb">Flow configs</a></nav><main><h1>branch-office-austin</h1></main>`;
    document.getElementById("crumb")!.focus();
    focusPageHeading();
    expect(document.activeElement?.tagName).toBe("H1");
    expect(document.activeElement?.getAttribute("tabindex")).toBe("-1");
  });

  it("waits for a page that is still loading", async () => {
    document.body.innerHTML = `<main id="main"></main>`;
    focusPageHeading();
    document.getElementById("main")!.innerHTML = "<h1>History of x</h1>";
    await flush();
    expect(document.activeElement?.textContent).toBe("History of x");
  });

  it("leaves focus alone once the user has moved it", async () => {
    document.body.innerHTML = `<main id="main"><input id="search" /></main>`;
    focusPageHeading();
    document.getElementById("search")!.focus();
    document.getElementById("main")!.insertAdjacentHTML("afterbegin", "<h1>Late title</h1>");
    await flush();
    expect(document.activeElement?.id).toBe("search");
  });
});
