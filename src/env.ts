/**
 * The process environment as ucinder reads it. main() is handed one (the
 * real process.env, or a test's object), and every layer takes it from
 * there, never from process.env itself.
 */
export type Env = Record<string, string | undefined>;
