/**
 * BuildKit's progress messages (moby/buildkit api/services/control StatusResponse, v0.22), as the daemon sends
 * them to a BuildKit client: each `{"id":"moby.buildkit.trace","aux":"<base64>"}` message of a `/build?version=2`
 * stream carries one StatusResponse, protobuf-encoded. The daemon's solver fills these; the CLI's progress
 * display (buildx's progressui) reads them. Field numbers are the .proto's, noted so the codec and a reader of
 * control.proto agree.
 */

/** google.protobuf.Timestamp. */
export interface Timestamp {
  readonly seconds: number; // 1
  readonly nanos: number; // 2
}

export interface Vertex {
  readonly digest: string; // 1
  readonly inputs: readonly string[]; // 2
  readonly name: string; // 3
  readonly cached: boolean; // 4
  readonly started?: Timestamp; // 5
  readonly completed?: Timestamp; // 6
  readonly error: string; // 7
}

export interface VertexStatus {
  readonly id: string; // 1
  readonly vertex: string; // 2
  readonly name: string; // 3
  readonly current: number; // 4
  readonly total: number; // 5
  readonly timestamp?: Timestamp; // 6
  readonly started?: Timestamp; // 7
  readonly completed?: Timestamp; // 8
}

export interface VertexLog {
  readonly vertex: string; // 1
  readonly timestamp?: Timestamp; // 2
  readonly stream: number; // 3 (1 stdout, 2 stderr)
  readonly msg: Uint8Array; // 4
}

/** pb.Range / pb.Position (line and character, 1-based lines as the frontend writes them). */
export interface Range {
  readonly start: { readonly line: number; readonly character: number }; // 1
  readonly end: { readonly line: number; readonly character: number }; // 2
}

/** pb.SourceInfo: the Dockerfile a warning points into. */
export interface SourceInfo {
  readonly filename: string; // 1
  readonly data: Uint8Array; // 2
  readonly language: string; // 4
}

export interface VertexWarning {
  readonly vertex: string; // 1
  readonly level: number; // 2
  readonly short: Uint8Array; // 3
  readonly detail: readonly Uint8Array[]; // 4
  readonly url: string; // 5
  readonly info?: SourceInfo; // 6
  readonly ranges: readonly Range[]; // 7
}

export interface StatusResponse {
  readonly vertexes: readonly Vertex[]; // 1
  readonly statuses: readonly VertexStatus[]; // 2
  readonly logs: readonly VertexLog[]; // 3
  readonly warnings: readonly VertexWarning[]; // 4
}
