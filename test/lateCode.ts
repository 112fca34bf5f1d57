/** Every unit test has the code a page loads after its first prompt (src/machine/late.ts), as Node does. */
import '../src/machine/late.js';
