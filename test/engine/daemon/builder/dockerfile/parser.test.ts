/** The Dockerfile parser's here-documents and escape token, as BuildKit's parser reads them. */
import { describe, expect, it } from 'vitest';
import { onbuildExpression, parseDockerfile, parseHeredoc } from '../../../../../src/engine/daemon/builder/dockerfile/parser.js';

describe('here-documents', () => {
  it('take the lines after RUN/COPY/ADD up to the delimiter as bodies, in order, and end the node there', () => {
    const nodes = parseDockerfile('FROM busybox\nRUN <<EOF1 <<EOF2 cat\none\nEOF1\ntwo\nEOF2\nCOPY <<a /a\nx\na\nRUN true\n');
    expect(nodes.map((n) => [n.cmd, n.startLine, n.endLine])).toEqual([['from', 1, 1], ['run', 2, 6], ['copy', 7, 9], ['run', 10, 10]]);
    expect(nodes[1].args).toEqual(['<<EOF1 <<EOF2 cat']);
    expect(nodes[1].heredocs).toEqual([
      { name: 'EOF1', expand: true, chomp: false, content: 'one\n' },
      { name: 'EOF2', expand: true, chomp: false, content: 'two\n' },
    ]);
    expect(nodes[2].heredocs?.map((h) => h.content)).toEqual(['x\n']);
  });

  it('reads quoted delimiters as no expansion, <<- as tabs stripped (the delimiter line too), << NAME with blanks', () => {
    const [, quoted, chomped, spaced] = parseDockerfile('FROM x\nCOPY <<"E" /e\n$A\nE\nRUN <<-EOT\n\techo a\n\t\tEOT\nRUN cat << END\nb\nEND\n');
    expect(quoted.heredocs).toEqual([{ name: 'E', expand: false, chomp: false, content: '$A\n' }]);
    // The body keeps its tabs here; the builders chomp it (ChompHeredocContent), as BuildKit does.
    expect(chomped.heredocs).toEqual([{ name: 'EOT', expand: true, chomp: true, content: '\techo a\n' }]);
    expect(spaced.heredocs?.[0].name).toBe('END');
    expect(parseHeredoc("<<'EOF'")).toEqual({ name: 'EOF', expand: false, chomp: false });
    expect(parseHeredoc('2<<-EOF')).toEqual({ name: 'EOF', expand: true, chomp: true });
    expect(parseHeredoc('<<EOF1 <<EOF2')).toBeNull();
    expect(parseHeredoc('<<')).toBeNull();
  });

  it('are not read for the exec form or other instructions, and an unterminated one is BuildKit\'s error', () => {
    const nodes = parseDockerfile('FROM x\nRUN ["sh", "-c", "cat <<EOF"]\nENV A=<<EOF\nLABEL b=c\n');
    expect(nodes.map((n) => n.cmd)).toEqual(['from', 'run', 'env', 'label']);
    expect(nodes.every((n) => n.heredocs === undefined)).toBe(true);
    expect(() => parseDockerfile('FROM x\nRUN <<EOF\necho\n')).toThrow(/^unterminated heredoc$/);
  });

  it('belong to an ONBUILD of RUN/COPY/ADD, whose trigger keeps them (parseOnBuild)', () => {
    const [, onbuild] = parseDockerfile('FROM x\nONBUILD RUN <<EOF\necho hi\nEOF\n');
    expect(onbuildExpression(onbuild)).toBe('RUN <<EOF\necho hi\nEOF');
  });
});

describe('the escape directive', () => {
  it('with a backtick, continues lines with it and leaves backslashes alone', () => {
    const nodes = parseDockerfile('# escape=`\nFROM x\nRUN echo a `\n  b\nCOPY c:\\dir\\ /d\n');
    expect(nodes.map((n) => n.args)).toEqual([['x'], ['echo a   b'], ['c:\\dir\\', '/d']]);
  });
});
