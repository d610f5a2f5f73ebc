/** Makes a switch over a union exhaustive: adding a member without a case fails to compile. */
export function assertNever(x: never): never {
  throw new Error(`Unexpected: ${JSON.stringify(x)}`);
}
