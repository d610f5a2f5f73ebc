/** Bumped on any incompatible change to events or payloads; a client with another version is refused. */
export const PROTOCOL_VERSION = 2;
