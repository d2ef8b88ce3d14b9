/**
 * The README's queries, run against a live Newsdesk serving the reference
 * story, each answer checked. NEWSDESK_API is the server's root URL,
 * NEWSDESK_SCHEMA the schema file the types were generated from. Exits 1 on
 * the first wrong answer.
 */
import { readFileSync } from "node:fs";
import type { NewsArticle, WithContext } from "schema-dts";

import { Newsdesk, explodeTable } from "./client.js";
import type { components } from "./schema.js";

type Quote = components["schemas"]["Quote"];
type Agreement = components["schemas"]["Agreement"];
type Article = components["schemas"]["Article"];

const base = process.env.NEWSDESK_API ?? "http://127.0.0.1:8000/";
const schema = JSON.parse(readFileSync(process.env.NEWSDESK_SCHEMA ?? "schema.json", "utf8"));
const api = new Newsdesk(base, explodeTable(schema));

let checks = 0;
function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`wrong answer: ${what}`);
  checks += 1;
}

function sameSet(found: (string | undefined)[], expected: string[]): boolean {
  return JSON.stringify([...found].sort()) === JSON.stringify([...expected].sort());
}

const speakerSlug = (quote: Quote): string | undefined => quote.speaker?.slug;

async function main(): Promise<void> {
  // All of Zhang Hanhui's quotes.
  const zhang = await api.get("/api/v1/quotes/", { speaker: ["zhang-hanhui"] });
  check(zhang.count === 8, "Zhang Hanhui has 8 quotes");
  check(zhang.results.every((q) => speakerSlug(q) === "zhang-hanhui"), "only his quotes");

  // Any of two speakers, as a comma list.
  const two = await api.get("/api/v1/quotes/", { speaker: ["zhang-hanhui", "dmitry-rogozin"] });
  check(two.count === 9, "any of two speakers: 9 quotes");

  // His direct quote, with its outlet expanded to the full organisation.
  const direct = await api.get(
    "/api/v1/people/{person_slug}/quotes/",
    { kind: ["direct"], expand: ["outlet"] },
    { person_slug: "zhang-hanhui" },
  );
  check(direct.results.length === 1, "one direct quote");
  const outlet = direct.results[0]?.outlet;
  check(outlet !== null && outlet !== undefined && "kind" in outlet && outlet.kind === "news_agency", "the expanded outlet is TASS, a news agency");

  // Every quote given to TASS, and who gave them (facets).
  const tass = await api.get("/api/v1/quotes/", { outlet: ["tass"], facets: ["speaker", "kind"] });
  const speakers = tass.facets?.speaker ?? [];
  check(speakers.length === 1 && speakers[0]?.slug === "zhang-hanhui", "TASS heard Zhang Hanhui only");
  check(tass.results.every((q) => q.outlet?.slug === "tass"), "every quote was told to TASS");
  const kinds = (tass.facets?.kind ?? []).map((row) => row.value);
  check(kinds.length > 0, "kinds counted");

  // Russia includes its sub-organisations (Roscosmos), since 2022.
  const russia = await api.get("/api/v1/quotes/", { organisation: ["russia"], said_after: "2022-01-01" });
  check(russia.count === 3, "Russia's quotes roll up Roscosmos's three");
  check(russia.results.every((q) => q.organisation?.slug === "roscosmos"), "spoken for Roscosmos");
  const nested = await api.get("/api/v1/organisations/{organisation_slug}/quotes/", {}, { organisation_slug: "russia" });
  check(nested.count === russia.count, "the nested list agrees");

  // A date range.
  const may = await api.get("/api/v1/quotes/", { said_after: "2022-05-01", said_before: "2022-05-31" });
  check(may.count === 11, "all eleven quotes were said in May 2022");
  const before = await api.get("/api/v1/quotes/", { said_before: "2021-12-31" });
  check(before.count === 0, "none before 2022");

  // Both China and Russia must be parties (all of), by slug and by Wikidata id.
  const both = await api.get("/api/v1/agreements/", { party: ["china", "russia"] });
  const slugs = both.results.map((agreement: Agreement) => agreement.slug);
  check(sameSet(slugs, ["sino-russian-moon-and-deep-space-agreement"]), "one agreement has both parties");
  const byWikidata = await api.get("/api/v1/agreements/", { party: ["Q148", "Q159"] });
  check(byWikidata.count === both.count, "Wikidata ids name the same parties");

  // Sparse fieldsets: headlines only.
  const headlines = await api.get("/api/v1/articles/", {
    organisation: ["roscosmos"],
    fields: ["slug", "headline", "published_at"],
  });
  const first: Article | undefined = headlines.results[0];
  check(first !== undefined && Object.keys(first).sort().join() === "headline,published_at,slug", "only the fields asked for");

  // A cursor walk: two at a time, following next, sees every quote once.
  const seen = new Set<number>();
  let page = await api.get("/api/v1/quotes/", { cursor: "", page_size: 2 });
  for (;;) {
    for (const quote of page.results) if (quote.id !== undefined) seen.add(quote.id);
    if (page.next === null) break;
    page = await api.follow("/api/v1/quotes/", page.next);
  }
  check(seen.size === 11, "the cursor walk sees all eleven quotes");

  // The story as JSON-LD: its type is checked against schema.org's own
  // vocabulary (schema-dts) when this file compiles.
  const story = await api.getJsonLd("/api/v1/articles/{slug}/", {
    slug: "china-russia-space-cooperation-benefits-humanity",
  });
  const asSchemaOrg: WithContext<NewsArticle> = story;
  check(asSchemaOrg["@type"] === "NewsArticle", "a NewsArticle");
  check(story.hasPart.length === 11, "eleven Quotations");
  check(story.hasPart.filter((part) => part.genre === "indirect").length === 7, "seven reported statements");
  check(story.hasPart.some((part) => part.publisher?.name === "TASS"), "told TASS");
  check(story.url.endsWith("/stories/china-russia-space-cooperation-benefits-humanity/"), "url is the story page");

  console.log(`typescript client: ${checks} checks passed against ${base}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
