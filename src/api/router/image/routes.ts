/** The image route table (moby's router/image/image.go). */
import { route, type Route } from '../types.js';
import type { ImageBackend } from './backend.js';
import { imageHandlers } from './handlers.js';

export function imageRoutes(b: ImageBackend): Route[] {
  const h = imageHandlers(b);
  return [
    route('GET', '/images/json', h.getImagesJSON),
    route('GET', '/images/search', h.getImagesSearch),
    route('GET', '/images/{name:.*}/history', h.getImagesHistory),
    route('GET', '/images/{name:.*}/json', h.getImagesByName),
    route('POST', '/images/create', h.postImagesCreate),
    route('POST', '/images/{name:.*}/tag', h.postImagesTag),
    route('POST', '/images/prune', h.postImagesPrune),
    route('DELETE', '/images/{name:.*}', h.deleteImages),
  ];
}
