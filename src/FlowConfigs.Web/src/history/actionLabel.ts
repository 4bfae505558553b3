export const actionLabel = { save: "Saved", delete: "Deleted", rollback: "Rolled back" } as const;
