/**
 * Ids are own keys. State keeps things by id in plain records, and a plain record also answers
 * to the names it inherits from `Object.prototype` (`constructor`, `toString`, `__proto__`…):
 * `state.values['constructor']` is a function, not `undefined`. Every lookup of an id that
 * came from input goes through getOwn, so such a name finds nothing.
 */
export function getOwn<T>(record: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

/** Whether the record holds this id itself (not through its prototype). */
export function hasOwn(record: Readonly<Record<string, unknown>>, id: string): boolean {
  return Object.hasOwn(record, id);
}

/**
 * The names every plain object inherits (`constructor`, `__proto__`, `hasOwnProperty`,
 * `toString`, `valueOf`, `isPrototypeOf`, `propertyIsEnumerable`, `toLocaleString`,
 * `__defineGetter__`, `__defineSetter__`, `__lookupGetter__`, `__lookupSetter__`) and
 * `prototype`. A client may not make an id with one of these names: it would be a trap for
 * any code that indexes a record with it.
 */
export const BUILT_IN_NAMES: readonly string[] = [...new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype'])].sort();

export function isBuiltInName(id: string): boolean {
  return BUILT_IN_NAMES.includes(id);
}
