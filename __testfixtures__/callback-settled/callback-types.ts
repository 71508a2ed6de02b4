// The type skip-callback-imported-type imports: what it is, that file does not see.
export type Callback = (err: Error | null, record?: string) => void;
