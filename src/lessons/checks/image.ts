import { familiarString, parseNormalizedNamed } from '../../pkg/reference.js';
import { str } from './fields.js';
import { say } from './said.js';
import { defineCheck, type ImageCheck } from './types.js';

/** The reference resolves in the local image store, as `docker image inspect REF` would find it. */
export const imageCheck = defineCheck<ImageCheck>({
  kind: 'image',
  schema: {
    fields: { ref: str },
    required: ['ref'],
    refine(v) {
      try {
        parseNormalizedNamed(String(v.ref));
        return undefined;
      } catch {
        return `image.ref: invalid reference format: ${JSON.stringify(v.ref)}`;
      }
    },
  },
  evaluate(k, { machine }) {
    const tags = machine.query.images().flatMap((img) => img.repoTags);
    return {
      holds: machine.query.findImage(k.ref) !== undefined,
      found: tags.length > 0 ? say('images', { tags }) : say('noImages', { ref: familiarString(parseNormalizedNamed(k.ref)) }),
    };
  },
});
