namespace FlowConfigs.Domain.Resolution;

/// <summary>What the contact hears or reads: VOICE gets voice text as stored; CHAT, TASK and EMAIL get text.</summary>
public enum ContactChannel { Voice, Text }

/// <summary>The Amazon Connect channel a contact came in on, as usage is counted (the answer depends only on <see cref="ContactChannel"/>).</summary>
public enum ConnectChannel { Voice, Chat, Task, Email }
