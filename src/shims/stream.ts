/**
 * Node's `stream` for memfs in the browser. memfs only subclasses these (old style: `Readable.call(this)`)
 * for fs.createReadStream and createWriteStream, which the simulation does not use: the real package
 * (~30 KB gzip) is not worth shipping, so using one fails loudly instead of half-working.
 */
type Unsupported = (this: unknown) => never;

function unsupported(name: string): Unsupported {
  // A plain function, not a class: memfs calls the base constructor without `new`.
  return function () {
    throw new Error(`stream.${name} is not available in the browser build of dockersim`);
  };
}

export const Readable = unsupported('Readable');
export const Writable = unsupported('Writable');
export const Duplex = unsupported('Duplex');
export const Transform = unsupported('Transform');
export const PassThrough = unsupported('PassThrough');
export const Stream = unsupported('Stream');

export default { Readable, Writable, Duplex, Transform, PassThrough, Stream };
