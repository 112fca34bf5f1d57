/** The build's options as POST /build's query gives them (moby api/types/build.ImageBuildOptions). */
export interface BuildOptions {
  readonly tags: readonly string[];
  readonly dockerfile: string;
  readonly buildArgs: Readonly<Record<string, string | null>>;
  readonly target: string;
  readonly noCache: boolean;
  readonly pull: boolean;
  readonly quiet: boolean;
  readonly remove: boolean;
  readonly forceRemove: boolean;
  readonly labels: Readonly<Record<string, string>>;
  /** '1' the legacy builder, '2' BuildKit. */
  readonly version: '1' | '2';
  readonly remote: string;
  readonly platform: string;
  /** The X-Registry-Config header as sent (base64url JSON of credentials by server address), for base pulls. */
  readonly registryConfig?: string;
}
