// Error classes that `instanceof` recognises across Next's separate server bundles (instrumentation.ts and the route
// handler each get their own copy of a module, so a class identity check fails on an error thrown by the other copy).
type ErrorClass = abstract new (...args: never[]) => Error;

/** Names the class and makes `x instanceof C` match any Error with that name, whichever bundle's copy made it. */
export function crossBundleError<C extends ErrorClass>(name: string, cls: C): C {
  Object.defineProperty(cls.prototype, "name", { value: name, configurable: true });
  Object.defineProperty(cls, Symbol.hasInstance, { value: (x: unknown) => x instanceof Error && x.name === name });
  return cls;
}
