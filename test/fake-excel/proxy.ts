/** The base of the fake's proxies and the request-size helpers, shared by ./context.ts and ./features.ts. */
import type { FakeExcel, FakeRequestContext } from "./context";
import { FakeOfficeError, itemNotFound, propertyNotLoaded } from "./errors";

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null), "utf8");
}

export interface ActionResult {
  responseBytes: number;
  commit: () => void;
}

export interface Action {
  requestBytes: number;
  run: () => ActionResult | void;
}

export type LoadArg = unknown;

export function propertyListOf(arg: unknown): string[] {
  return propertyList(arg);
}

export function propertyList(arg: unknown): string[] {
  let raw: string[] = [];
  if (typeof arg === "string") raw = arg.split(",");
  else if (Array.isArray(arg)) raw = arg.map(String);
  else if (arg && typeof arg === "object" && "select" in arg)
    return propertyList((arg as { select: unknown }).select);
  return raw.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Base of every proxy: loaded values live here after a successful sync. */
export abstract class FakeProxy<Target> {
  readonly ctx: FakeRequestContext;
  private readonly loaded = new Map<string, unknown>();
  private loadedOnce = false;
  private nullObject = false;
  private resolved: { target: Target | null } | null = null;
  private readonly resolver: () => Target | null;
  /** Whether a missing target is a null object (…OrNullObject) or an ItemNotFound error. */
  protected readonly nullable: boolean;

  constructor(ctx: FakeRequestContext, resolver: () => Target | null, nullable: boolean) {
    this.ctx = ctx;
    this.resolver = resolver;
    this.nullable = nullable;
  }

  get world(): FakeExcel {
    return this.ctx.world;
  }

  get context(): Excel.RequestContext {
    return this.ctx as unknown as Excel.RequestContext;
  }

  get isNullObject(): boolean {
    if (!this.loadedOnce) throw propertyNotLoaded("isNullObject");
    return this.nullObject;
  }

  /** At sync time: the object this proxy stands for (fixed at first use, like Excel's object paths). */
  target(): Target | null {
    if (!this.resolved) this.resolved = { target: this.resolver() };
    return this.resolved.target;
  }

  /** At sync time, for commands: a null object or a missing item fails the batch. */
  requireTarget(member: string): Target {
    const t = this.target();
    if (t === null) {
      if (this.nullable)
        throw new FakeOfficeError("InvalidOperation", `${member} was called on a null object.`);
      throw itemNotFound(member);
    }
    return t;
  }

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) throw propertyNotLoaded(property);
    return this.loaded.get(property) as T;
  }

  /** Marks values as loaded (used for collection items built during a load). */
  fill(values: Record<string, unknown>): void {
    this.loadedOnce = true;
    for (const [k, v] of Object.entries(values)) this.store(k, v);
  }

  /** A nested path ("protection/protected") goes to the child proxy, as Office.js does for navigation loads. */
  protected child(_name: string): FakeProxy<unknown> | null {
    return null;
  }

  private store(key: string, value: unknown): void {
    const slash = key.indexOf("/");
    const child = slash > 0 ? this.child(key.slice(0, slash)) : null;
    if (child) child.fill({ [key.slice(slash + 1)]: value });
    else this.loaded.set(key, value);
  }

  /** Reads property values at sync time; throws on an unknown or unsupported property. */
  protected abstract snapshot(target: Target, property: string): unknown;

  /**
   * A collection's items load: every item's properties in one response, the item proxies made on commit.
   * "items/name" asks for each item's "name".
   */
  protected loadItems<T, P extends FakeProxy<unknown>>(
    arg: LoadArg,
    items: () => T[],
    property: (item: T, p: string) => unknown,
    proxy: (item: T) => P,
    commit: (proxies: P[]) => void,
  ): void {
    const props = propertyList(arg).map((p) => p.replace(/^items\//, ""));
    this.ctx.enqueue({
      requestBytes: 0,
      run: () => {
        const found = items();
        const data = found.map((item) => Object.fromEntries(props.map((p) => [p, property(item, p)])));
        return {
          responseBytes: jsonBytes(data),
          commit: () =>
            commit(
              found.map((item, i) => {
                const x = proxy(item);
                x.fill(data[i]);
                return x;
              }),
            ),
        };
      },
    });
  }

  protected loadProps(properties: string[]): void {
    this.ctx.enqueue({
      requestBytes: 0,
      run: () => {
        const t = this.target();
        if (t === null) {
          if (!this.nullable) throw itemNotFound(`${this.constructor.name}.load`);
          return {
            responseBytes: 0,
            commit: () => {
              this.loadedOnce = true;
              this.nullObject = true;
            },
          };
        }
        const data: Record<string, unknown> = {};
        for (const p of properties) data[p] = this.snapshot(t, p);
        return {
          responseBytes: jsonBytes(data),
          commit: () => {
            this.loadedOnce = true;
            this.nullObject = false;
            for (const [k, v] of Object.entries(data)) this.store(k, v);
          },
        };
      },
    });
  }
}
