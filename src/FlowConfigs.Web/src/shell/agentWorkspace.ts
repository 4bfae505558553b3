import { AmazonConnectApp } from "@amazon-connect/app";
import { isFramed } from "./framing";

/**
 * Inside the Amazon Connect Agent Workspace the app runs in an iframe and must introduce itself to the workspace;
 * in a normal tab there is nothing to talk to, so nothing is initialised.
 */
export function initAgentWorkspace(win: Window = window): boolean {
  if (!isFramed(win)) return false;
  try {
    AmazonConnectApp.init({ onCreate: async () => {} });
    return true;
  } catch (error) {
    console.warn("Agent Workspace initialisation failed; running standalone.", error);
    return false;
  }
}
