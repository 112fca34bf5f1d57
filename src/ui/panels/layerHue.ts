/** A layer's colour, from its digest: the same layer has the same hue in every stack and in the build's steps. */
export function layerHue(digest: string): number {
  return parseInt(digest.replace('sha256:', '').slice(0, 6), 16) % 360;
}
