/**
 * Entity names in the user's language. Home Assistant names an integration's entities in
 * its own (the server's) language when it creates them, so a German user of an English
 * server reads "Session usage". A name that is still the one the integration gave (its
 * translation in the server's language, placeholders and all) is given in the user's
 * language instead; a name the user chose stays as it is.
 */

import { DOMAIN, type HomeAssistant } from "./types";

/** Home Assistant's translation resources: "component.<domain>.entity.<platform>.<key>.name". */
export type Resources = Record<string, string>;

/** The integration's entity translations in the server's language and in the user's. */
export interface NameTranslations {
  server: Resources;
  user: Resources;
}

const loaded = new Map<string, Promise<Resources>>();

/**
 * The integration's entity translations in `language`, asked once per page; none on failure,
 * which is not kept: the next card (or this one connected again) asks anew.
 */
function entityResources(hass: HomeAssistant, language: string): Promise<Resources> {
  let resources = loaded.get(language);
  if (resources === undefined) {
    resources = hass
      .callWS<{ resources?: Resources } | undefined>({
        type: "frontend/get_translations",
        language,
        category: "entity",
        integration: [DOMAIN],
      })
      .then(
        (answer) => answer?.resources ?? {},
        () => {
          loaded.delete(language);
          return {};
        },
      );
    loaded.set(language, resources);
  }
  return resources;
}

/** Forget the translations asked for (a fresh page, for tests). */
export function forgetTranslations(): void {
  loaded.clear();
}

/**
 * What it takes to name the entities in `language`; undefined when the server names them
 * in that language already.
 */
export async function nameTranslations(
  hass: HomeAssistant,
  language: string,
): Promise<NameTranslations | undefined> {
  const serverLanguage = hass.config.language;
  if (serverLanguage === undefined || serverLanguage === language) {
    return undefined;
  }
  const [server, user] = await Promise.all([
    entityResources(hass, serverLanguage),
    entityResources(hass, language),
  ]);
  return { server, user };
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholders' values when `text` is `template` filled in, else undefined. */
export function matchTemplate(template: string, text: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template
    .split(PLACEHOLDER)
    .map((part, index) => {
      if (index % 2 === 0) {
        return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      }
      names.push(part);
      return "(.+?)";
    })
    .join("");
  const match = new RegExp(`^${pattern}$`, "u").exec(text);
  if (!match) {
    return undefined;
  }
  const values: Record<string, string> = {};
  for (const [index, name] of names.entries()) {
    const value = match[index + 1]!;
    if (values[name] !== undefined && values[name] !== value) {
      return undefined;
    }
    values[name] = value;
  }
  return values;
}

/**
 * The name of `entityId` in the user's language: `name` (its name as Home Assistant shows
 * it) when the user chose it or no translation is known.
 */
export function localName(
  hass: HomeAssistant,
  entityId: string,
  name: string,
  translations: NameTranslations | undefined,
): string {
  const translationKey = hass.entities[entityId]?.translation_key;
  if (translations === undefined || translationKey === undefined) {
    return name;
  }
  const platform = entityId.slice(0, entityId.indexOf("."));
  const key = `component.${DOMAIN}.entity.${platform}.${translationKey}.name`;
  const server = translations.server[key];
  const user = translations.user[key];
  const values = server === undefined ? undefined : matchTemplate(server, name);
  if (user === undefined || values === undefined) {
    return name;
  }
  return user.replace(PLACEHOLDER, (match, placeholder: string) => values[placeholder] ?? match);
}
