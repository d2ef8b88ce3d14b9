/**
 * A small typed client of the Newsdesk API: the paths, query parameters and
 * answers are the types openapi-typescript generated from /api/schema/
 * (src/schema.d.ts), so a schema change that breaks a front end breaks the
 * compilation. Query values are written as the schema says: an array with
 * `explode: false` as one comma list, with `explode: true` as repetitions.
 */
import type { paths } from "./schema.js";

type Get<P extends keyof paths> = paths[P] extends { get: infer O } ? O : never;
type Parameters<P extends keyof paths> = Get<P> extends { parameters: infer R } ? R : never;
export type Query<P extends keyof paths> = Parameters<P> extends { query?: infer Q } ? NonNullable<Q> : never;
export type PathParameters<P extends keyof paths> = Parameters<P> extends { path?: infer X } ? NonNullable<X> : never;
export type Answer<P extends keyof paths, M extends string = "application/json"> =
  Get<P> extends { responses: { 200: { content: infer C } } }
    ? M extends keyof C ? C[M] : never
    : never;

/** The schema's `explode` of each query parameter, by path. */
export type Explode = Record<string, Record<string, boolean>>;

export function explodeTable(schema: { paths: Record<string, { get?: { parameters?: { name: string; in: string; explode?: boolean }[] } }> }): Explode {
  const table: Explode = {};
  for (const [path, item] of Object.entries(schema.paths)) {
    const row: Record<string, boolean> = {};
    for (const parameter of item.get?.parameters ?? []) {
      if (parameter.in === "query") row[parameter.name] = parameter.explode ?? true;
    }
    table[path] = row;
  }
  return table;
}

export class Newsdesk {
  constructor(private readonly base: string, private readonly explode: Explode) {}

  url<P extends keyof paths & string>(path: P, query: Query<P>, pathParameters?: PathParameters<P>): string {
    let concrete: string = path;
    for (const [name, value] of Object.entries((pathParameters ?? {}) as Record<string, string | number>)) {
      concrete = concrete.replace(`{${name}}`, encodeURIComponent(String(value)));
    }
    const url = new URL(concrete, this.base);
    const styles = this.explode[path] ?? {};
    for (const [name, value] of Object.entries(query as Record<string, unknown>)) {
      if (value === undefined) continue;
      if (!(name in styles)) throw new Error(`${path} documents no parameter ${name}`);
      if (Array.isArray(value)) {
        if (styles[name]) for (const item of value) url.searchParams.append(name, String(item));
        else url.searchParams.set(name, value.map(String).join(","));
      } else {
        url.searchParams.set(name, String(value));
      }
    }
    return url.toString();
  }

  async get<P extends keyof paths & string>(path: P, query: Query<P>, pathParameters?: PathParameters<P>): Promise<Answer<P>> {
    return (await this.fetch(this.url(path, query, pathParameters), "application/json")) as Answer<P>;
  }

  async getJsonLd<P extends keyof paths & string>(path: P, pathParameters: PathParameters<P>): Promise<Answer<P, "application/ld+json">> {
    const url = this.url(path, {} as Query<P>, pathParameters);
    return (await this.fetch(url, "application/ld+json")) as Answer<P, "application/ld+json">;
  }

  /** A page by its absolute `next` link. */
  async follow<P extends keyof paths & string>(_path: P, link: string): Promise<Answer<P>> {
    return (await this.fetch(link, "application/json")) as Answer<P>;
  }

  private async fetch(url: string, accept: string): Promise<unknown> {
    const response = await fetch(url, { headers: { Accept: accept } });
    if (response.status !== 200) {
      throw new Error(`${url}: ${response.status} ${await response.text()}`);
    }
    const type = response.headers.get("content-type") ?? "";
    if (!type.startsWith(accept)) throw new Error(`${url}: answered ${type}, not ${accept}`);
    return response.json();
  }
}
