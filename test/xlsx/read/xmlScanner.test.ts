import { decodeText, EV_CLOSE, EV_END, EV_OPEN, EV_TEXT, Scanner, skipElement, unescapeX, xmlDecode } from '../../../src/xlsx/read/xmlScanner';

/** Every event of a part, as short strings: "<a k=v>", "</a>", "text". */
function events(xml: string): string[] {
  const out: string[] = [];
  const s = new Scanner(xml);
  for (let ev = s.next(); ev !== EV_END; ev = s.next()) {
    if (ev === EV_OPEN) {
      const a = s.attrs();
      out.push(
        '<' +
          s.tag() +
          Object.keys(a)
            .map((k) => ' ' + k + '=' + a[k])
            .join('') +
          '>',
      );
    } else if (ev === EV_CLOSE) out.push('</' + s.tag() + '>');
    else if (ev === EV_TEXT) out.push(s.text());
  }
  return out;
}

describe('XML scanner', () => {
  test('elements, self-closing tags, text and depth', () => {
    expect(events('<?xml version="1.0"?>\n<a><b/>x<c>y</c></a>\n')).toEqual(['<a>', '<b>', '</b>', 'x', '<c>', 'y', '</c>', '</a>']);
    const s = new Scanner('<a><b><c/></b></a>');
    expect(s.next()).toBe(EV_OPEN);
    expect(s.level()).toBe(1);
    s.next();
    expect([s.tag(), s.level()]).toEqual(['b', 2]);
    expect(s.next()).toBe(EV_OPEN);
    expect(s.selfClosing).toBe(true);
    expect(s.next()).toBe(EV_CLOSE);
    expect(s.level()).toBe(2);
  });

  test('a byte order mark, comments and processing instructions are skipped', () => {
    expect(events('\ufeff<?xml version="1.0"?><!-- note --><a><?pi x?>t<!-- <b> --></a>')).toEqual(['<a>', 't', '</a>']);
  });

  test('attributes in double and single quotes, each holding the other quote', () => {
    expect(events('<a x="it\'s" y=\'say "hi"\' z = "1"/>')).toEqual(['<a x=it\'s y=say "hi" z=1>', '</a>']);
  });

  test('entities and character references in attributes and text', () => {
    expect(events('<a v="&lt;&amp;&gt;&quot;&apos;&#65;&#x1F600;">&lt;b&gt; &amp; &#x56;i&#7879;t</a>')).toEqual(['<a v=<&>"\'A\u{1F600}>', '<b> & Việt', '</a>']);
  });

  test('line ends become LF (CR LF and CR alike), then tabs and line breaks in an attribute value become spaces', () => {
    expect(events('<a v="x\ty\nz\r\nw">1\r\n2\r3</a>')).toEqual(['<a v=x y z w>', '1\n2\n3', '</a>']);
  });

  test('CDATA gives no text (ExcelJS listens to text events only; the package layer inlines CDATA first)', () => {
    expect(events('<a>x<![CDATA[<b>&amp;]]>y</a>')).toEqual(['<a>', 'x', 'y', '</a>']);
  });

  test.each([
    ['a bare ampersand', '<a>x & y</a>', 'bare & in XML'],
    ['an undefined entity', '<a>&nbsp;</a>', 'undefined entity &nbsp;'],
    ['a character reference beyond Unicode', '<a>&#x110000;</a>', 'bad character reference'],
    ['a malformed character reference', '<a>&#12a;</a>', 'bad character reference'],
    ['mismatched tags', '<a><b></a></b>', 'mismatched closing tag </a>'],
    ['text outside the root', '<a/>junk', 'text outside the root element'],
    ['a second root', '<a/><b/>', 'content after the root element'],
    ['an unterminated comment', '<a><!-- x</a>', 'unterminated comment'],
    ['an unterminated CDATA section', '<a><![CDATA[x</a>', 'unterminated CDATA'],
    ['a DOCTYPE with declarations', '<!DOCTYPE a [<!ENTITY x "y">]><a/>', 'DOCTYPE not supported'],
    ['an unterminated attribute value', '<a v="x/>', 'unterminated attribute value'],
    ['an unquoted attribute', '<a v=x/>', 'unquoted attribute'],
    ['an attribute without a value', '<a v/>', 'attribute without value'],
    ['< inside an attribute value', '<a v="x<y"/>', '< in attribute value'],
    ['a tag name starting with a digit', '<1a/>', 'bad tag'],
  ])('refuses %s', (_what, xml, message) => {
    expect(() => events(xml)).toThrow(message);
  });

  test('a partial scan starts mid-document and accepts the closing tags of outer elements', () => {
    const xml = '<ws><data><row/></data><merges><m ref="A1:B2"/></merges></ws>';
    const from = xml.indexOf('</data>') + 7;
    const seen: string[] = [];
    const s = new Scanner(xml, from, true);
    for (let ev = s.next(); ev !== EV_END; ev = s.next()) if (ev === EV_OPEN && s.tag() === 'm') seen.push(s.attrs().ref);
    expect(seen).toEqual(['A1:B2']);
    // The same tail scanned as a whole document is refused.
    expect(() => events(xml.slice(from))).toThrow('mismatched closing tag </ws>');
  });

  test('skipElement leaves the scanner just after the element it was inside', () => {
    const s = new Scanner('<a><skip><x>1</x><y/></skip><keep/></a>');
    s.next();
    s.next();
    expect(s.tag()).toBe('skip');
    skipElement(s);
    expect(s.next()).toBe(EV_OPEN);
    expect(s.tag()).toBe('keep');
  });
});

describe('text decoders', () => {
  test('decodeText leaves plain text as it is', () => {
    expect(decodeText('Điểm tự đánh giá')).toBe('Điểm tự đánh giá');
  });

  test("xmlDecode decodes the five named entities once more, and nothing else (ExcelJS's second pass)", () => {
    expect(xmlDecode('&amp;lt; &lt;b&gt; &quot;&apos; &nbsp; &#65;')).toBe('&lt; <b> "\' &nbsp; &#65;');
  });

  test('unescapeX decodes _xHHHH_ with upper-case hex only', () => {
    expect(unescapeX('a_x000D_b_x0041_ _x00e9_')).toBe('a\rbA _x00e9_');
  });
});
