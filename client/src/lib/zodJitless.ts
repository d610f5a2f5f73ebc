import { config } from 'zod/v4/core';

/**
 * zod compiles object parsers with `new Function` unless told not to, and probes for it when it
 * makes an object schema: under the server's Content-Security-Policy (no 'unsafe-eval') that
 * probe is a reported violation. The client build resolves `zod` to this module (vite.config.ts),
 * so every module that makes schemas imports it, and the setting holds before its first schema;
 * pages that use no zod (the phone's) do not load it.
 */
config({ jitless: true });

export * from 'zod/v4';
export { z, z as default } from 'zod/v4';
