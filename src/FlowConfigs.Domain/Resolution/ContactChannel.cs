namespace FlowConfigs.Domain.Resolution;

/// <summary>What the contact hears or reads: VOICE gets voice text as stored; CHAT, TASK and EMAIL get text.</summary>
public enum ContactChannel { Voice, Text }
