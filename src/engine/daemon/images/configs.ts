/**
 * The exact config JSON of images made here (commit, build), by image ID: the ID is its sha256, so the table is
 * content-addressed and shared by the page's machines. A push uploads it as the image's config blob, so a
 * registry that checks digests accepts it and a pull gets the same ID back.
 */
const configs = new Map<string, string>();

export function rememberConfig(id: string, json: string): void {
  configs.set(id, json);
}

export function configJSON(id: string): string | undefined {
  return configs.get(id);
}
