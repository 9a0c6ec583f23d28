//! A last pass over docx-rs's XML parts so they follow the ECMA-376 schema:
//! Word repairs (or refuses) files whose property elements list their
//! children out of order, and docx-rs writes several in its own order.
//!
//! Three tables drive it: the child order of the elements docx-rs gets wrong,
//! the attributes it writes that the schema does not declare, and the empty
//! elements it writes where the schema allows none. The pass re-serializes
//! the XML exactly as read (text, attributes, namespaces) except for those.

/// `w:pPr` (CT_PPr = CT_PPrBase + rPr, sectPr, pPrChange).
const PPR: &[&str] = &[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
];

/// `w:rPr` (CT_ParaRPr: revision marks, then EG_RPrBase, then rPrChange;
/// CT_RPr is the same without the revision marks).
const RPR: &[&str] = &[
    "w:ins",
    "w:del",
    "w:moveFrom",
    "w:moveTo",
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
    "w:rPrChange",
];

/// `w:tblPr` (CT_TblPr).
const TBL_PR: &[&str] = &[
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
];

/// `w:tcPr` (CT_TcPr).
const TC_PR: &[&str] = &[
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
];

/// `w:sectPr` (CT_SectPr; header and footer references come first, in any order).
const SECT_PR: &[&str] = &[
    "w:headerReference",
    "w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
];

/// `w:style` (CT_Style).
const STYLE: &[&str] = &[
    "w:name",
    "w:aliases",
    "w:basedOn",
    "w:next",
    "w:link",
    "w:autoRedefine",
    "w:hidden",
    "w:uiPriority",
    "w:semiHidden",
    "w:unhideWhenUsed",
    "w:qFormat",
    "w:locked",
    "w:personal",
    "w:personalCompose",
    "w:personalReply",
    "w:rsid",
    "w:pPr",
    "w:rPr",
    "w:tblPr",
    "w:trPr",
    "w:tcPr",
    "w:tblStylePr",
];

/// `w:settings` (CT_Settings), the children docx-rs can write, in schema
/// order; anything else (w14/w15 extensions) goes after them.
const SETTINGS: &[&str] = &[
    "w:writeProtection",
    "w:view",
    "w:zoom",
    "w:removePersonalInformation",
    "w:removeDateAndTime",
    "w:embedTrueTypeFonts",
    "w:embedSystemFonts",
    "w:saveSubsetFonts",
    "w:mirrorMargins",
    "w:trackRevisions",
    "w:documentProtection",
    "w:defaultTabStop",
    "w:autoHyphenation",
    "w:evenAndOddHeaders",
    "w:characterSpacingControl",
    "w:updateFields",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:decimalSymbol",
    "w:listSeparator",
];

/// Elements whose children must come in schema order.
const ORDERS: &[(&str, &[&str])] = &[
    ("w:pPr", PPR),
    ("w:rPr", RPR),
    ("w:tblPr", TBL_PR),
    ("w:tcPr", TC_PR),
    ("w:sectPr", SECT_PR),
    ("w:style", STYLE),
    ("w:settings", SETTINGS),
];

/// Attributes docx-rs writes that the schema does not declare: (element, attribute).
const UNDECLARED: &[(&str, &str)] = &[("w:gridCol", "w:type")];

/// Empty elements docx-rs writes where the schema allows none:
/// (grandparent, parent, element). Paragraph properties of styles, of the
/// document defaults and of list levels (CT_PPrGeneral) hold no `w:rPr`.
const MISPLACED_EMPTY: &[[&str; 3]] = &[
    ["w:style", "w:pPr", "w:rPr"],
    ["w:pPrDefault", "w:pPr", "w:rPr"],
    ["w:lvl", "w:pPr", "w:rPr"],
];

/// Why a part could not be normalized (docx-rs wrote XML this pass cannot read).
#[derive(Debug, PartialEq)]
pub struct Malformed(pub &'static str);

/// One open element. Its start tag and children are already in the output
/// buffer; for an element with a schema order, the byte range and rank of
/// each child are kept, so that its children can be reordered in place when
/// it closes.
struct Frame<'x> {
    name: &'x str,
    /// Where the start tag begins in the output.
    start: usize,
    /// Where the children begin (just after the start tag).
    content: usize,
    order: Option<&'static [&'static str]>,
    /// (rank, start, end) of each child, for an ordered element only.
    children: Vec<(usize, usize, usize)>,
    /// Whether any child (element, text or markup) was kept.
    has_children: bool,
    /// The rank of the last child (text and markup take it).
    last_rank: usize,
}

impl<'x> Frame<'x> {
    fn new(name: &'x str, start: usize, content: usize) -> Frame<'x> {
        let order = ORDERS.iter().find(|(n, _)| *n == name).map(|(_, o)| *o);
        Frame {
            name,
            start,
            content,
            order,
            children: Vec::new(),
            has_children: false,
            last_rank: 0,
        }
    }

    /// Records a child element at `start..end` of the output; its rank is
    /// its place in this element's order (unknown children go last, in
    /// their original order).
    fn push_element(&mut self, name: &str, start: usize, end: usize) {
        self.has_children = true;
        if let Some(order) = self.order {
            let rank = order.iter().position(|n| *n == name).unwrap_or(order.len());
            self.children.push((rank, start, end));
            self.last_rank = rank;
        }
    }

    /// Records text or markup that stays beside the child before it.
    fn push_raw(&mut self, start: usize, end: usize) {
        self.has_children = true;
        if self.order.is_some() {
            self.children.push((self.last_rank, start, end));
        }
    }

    /// Puts the children (all of `out[self.content..]`) in schema order.
    fn sort_children(&mut self, out: &mut String) {
        if self.children.is_sorted_by_key(|(rank, _, _)| *rank) {
            return;
        }
        self.children.sort_by_key(|(rank, _, _)| *rank);
        let written = out.split_off(self.content);
        for (_, start, end) in &self.children {
            out.push_str(&written[start - self.content..end - self.content]);
        }
    }
}

/// The open elements and the output written so far.
struct Writer<'x> {
    out: String,
    open: Vec<Frame<'x>>,
}

impl<'x> Writer<'x> {
    /// Records a child of the innermost open element (none at the top level).
    fn push_element(&mut self, name: &str, start: usize) {
        let end = self.out.len();
        if let Some(parent) = self.open.last_mut() {
            parent.push_element(name, start, end);
        }
    }

    fn push_raw(&mut self, token: &str) {
        let start = self.out.len();
        self.out.push_str(token);
        let end = self.out.len();
        if let Some(parent) = self.open.last_mut() {
            parent.push_raw(start, end);
        }
    }

    /// Whether an empty `name` here is one the schema allows nowhere.
    fn misplaced_empty(&self, name: &str) -> bool {
        let depth = self.open.len();
        let parent = depth.checked_sub(1).map_or("", |i| self.open[i].name);
        let grandparent = depth.checked_sub(2).map_or("", |i| self.open[i].name);
        MISPLACED_EMPTY.contains(&[grandparent, parent, name])
    }
}

/// `xml` with every element's children in schema order, undeclared
/// attributes removed and misplaced empty elements dropped.
///
/// One pass, writing into one buffer: an ordered element's children are
/// reordered in place when it closes (they are small: properties), so the
/// cost is linear in the size of the part.
pub fn normalize(xml: &str) -> Result<String, Malformed> {
    let mut w = Writer {
        out: String::with_capacity(xml.len()),
        open: Vec::new(),
    };
    let mut rest = xml;
    while !rest.is_empty() {
        let len = if rest.starts_with("<!--") {
            rest.find("-->").ok_or(Malformed("unclosed comment"))? + 3
        } else if rest.starts_with('<') {
            tag_len(rest)?
        } else {
            rest.find('<').unwrap_or(rest.len())
        };
        let (token, after) = rest.split_at(len);
        rest = after;
        take(token, &mut w)?;
    }
    if !w.open.is_empty() {
        return Err(Malformed("unclosed element"));
    }
    Ok(w.out)
}

/// Handles one token: a start, end or empty-element tag, or anything else.
fn take<'x>(token: &'x str, w: &mut Writer<'x>) -> Result<(), Malformed> {
    let Some(tag) = token.strip_prefix('<') else {
        w.push_raw(token);
        return Ok(());
    };
    if tag.starts_with('?') || tag.starts_with('!') {
        w.push_raw(token);
    } else if let Some(name) = tag.strip_prefix('/') {
        let name = name.trim_end_matches('>').trim_end();
        let mut frame = w.open.pop().ok_or(Malformed("end tag without start"))?;
        if frame.name != name {
            return Err(Malformed("mismatched end tag"));
        }
        if !frame.has_children && w.misplaced_empty(name) {
            w.out.truncate(frame.start);
            return Ok(());
        }
        frame.sort_children(&mut w.out);
        w.out.push_str("</");
        w.out.push_str(frame.name);
        w.out.push('>');
        w.push_element(frame.name, frame.start);
    } else {
        let name = element_name(tag);
        let start = w.out.len();
        if token.ends_with("/>") {
            if w.misplaced_empty(name) {
                return Ok(());
            }
            push_start_tag(&mut w.out, name, token);
            w.push_element(name, start);
        } else {
            push_start_tag(&mut w.out, name, token);
            let content = w.out.len();
            w.open.push(Frame::new(name, start, content));
        }
    }
    Ok(())
}

/// The length of the tag at the start of `xml` (up to its `>`, outside quotes).
/// Bytes, not chars: the three delimiters are ASCII, which never occurs
/// inside a multi-byte UTF-8 sequence.
fn tag_len(xml: &str) -> Result<usize, Malformed> {
    let bytes = xml.as_bytes();
    let mut i = 0;
    while let Some(at) = bytes[i..]
        .iter()
        .position(|b| matches!(b, b'>' | b'"' | b'\''))
    {
        let at = i + at;
        let quote = bytes[at];
        if quote == b'>' {
            return Ok(at + 1);
        }
        let close = bytes[at + 1..]
            .iter()
            .position(|b| *b == quote)
            .ok_or(Malformed("unclosed tag"))?;
        i = at + 1 + close + 1;
    }
    Err(Malformed("unclosed tag"))
}

/// The qualified name of a start tag (`tag` without its `<`).
fn element_name(tag: &str) -> &str {
    let end = tag
        .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .unwrap_or(tag.len());
    &tag[..end]
}

/// Writes the start tag without the attributes the schema does not declare
/// on `name`.
fn push_start_tag(out: &mut String, name: &str, tag: &str) {
    if !UNDECLARED.iter().any(|(element, _)| *element == name) {
        out.push_str(tag);
        return;
    }
    let drop: Vec<&str> = UNDECLARED
        .iter()
        .filter(|(element, _)| *element == name)
        .map(|(_, attribute)| *attribute)
        .collect();
    let empty = tag.ends_with("/>");
    let inner = tag[1 + name.len()..]
        .trim_end_matches('>')
        .trim_end_matches('/');
    out.push('<');
    out.push_str(name);
    for (attr, value) in attributes(inner) {
        if !drop.contains(&attr) {
            out.push(' ');
            out.push_str(attr);
            out.push('=');
            out.push_str(value);
        }
    }
    out.push_str(if empty { " />" } else { ">" });
}

/// `name="value"` pairs (value with its quotes) of a tag's attribute text.
fn attributes(mut text: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    loop {
        text = text.trim_start();
        let Some(eq) = text.find('=') else { break };
        let name = text[..eq].trim_end();
        let value = text[eq + 1..].trim_start();
        let Some(quote) = value.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            break;
        };
        let Some(close) = value[1..].find(quote) else {
            break;
        };
        out.push((name, &value[..close + 2]));
        text = &value[close + 2..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_properties_follow_ct_ppr() {
        let xml = "<w:p><w:pPr><w:rPr><w:sz w:val=\"28\" /></w:rPr><w:jc w:val=\"center\" />\
                   <w:spacing w:before=\"0\" /><w:ind w:left=\"1\" /></w:pPr></w:p>";
        assert_eq!(
            normalize(xml).expect("normalized"),
            "<w:p><w:pPr><w:spacing w:before=\"0\" /><w:ind w:left=\"1\" />\
             <w:jc w:val=\"center\" /><w:rPr><w:sz w:val=\"28\" /></w:rPr></w:pPr></w:p>"
        );
    }

    #[test]
    fn run_properties_follow_ct_rpr_and_keep_unknown_children_last() {
        let xml = "<w:rPr><w:sz w:val=\"28\" /><w:szCs w:val=\"28\" /><w:x:ext /><w:b /><w:bCs />\
                   <w:rFonts w:ascii=\"T\" /><w:i /></w:rPr>";
        assert_eq!(
            normalize(xml).expect("normalized"),
            "<w:rPr><w:rFonts w:ascii=\"T\" /><w:b /><w:bCs /><w:i /><w:sz w:val=\"28\" />\
             <w:szCs w:val=\"28\" /><w:x:ext /></w:rPr>"
        );
    }

    #[test]
    fn table_cell_and_section_properties_are_ordered() {
        let xml = "<w:tblPr><w:tblCellMar /><w:tblInd w:w=\"-454\" /><w:tblLayout w:type=\"fixed\" />\
                   <w:tblW w:w=\"1\" /></w:tblPr><w:tcPr><w:vAlign w:val=\"top\" /><w:gridSpan w:val=\"2\" />\
                   <w:tcW w:w=\"1\" /></w:tcPr><w:sectPr><w:pgSz /><w:headerReference r:id=\"a\" />\
                   <w:titlePg /><w:headerReference r:id=\"b\" /></w:sectPr>";
        assert_eq!(
            normalize(xml).expect("normalized"),
            "<w:tblPr><w:tblW w:w=\"1\" /><w:tblInd w:w=\"-454\" /><w:tblLayout w:type=\"fixed\" />\
             <w:tblCellMar /></w:tblPr><w:tcPr><w:tcW w:w=\"1\" /><w:gridSpan w:val=\"2\" />\
             <w:vAlign w:val=\"top\" /></w:tcPr><w:sectPr><w:headerReference r:id=\"a\" />\
             <w:headerReference r:id=\"b\" /><w:pgSz /><w:titlePg /></w:sectPr>"
        );
    }

    #[test]
    fn same_name_takes_the_order_of_its_parent() {
        // `w:spacing` sits early in a pPr but late in an rPr.
        let xml = "<w:pPr><w:jc /><w:spacing /></w:pPr><w:rPr><w:sz /><w:spacing /><w:b /></w:rPr>";
        assert_eq!(
            normalize(xml).expect("normalized"),
            "<w:pPr><w:spacing /><w:jc /></w:pPr><w:rPr><w:b /><w:spacing /><w:sz /></w:rPr>"
        );
    }

    #[test]
    fn text_declarations_and_other_elements_are_kept_as_written() {
        let xml = "<?xml version=\"1.0\"?><w:body><w:t xml:space=\"preserve\"> a &amp; b&lt;c </w:t>\
                   <w:z /><w:a x='1>2' /></w:body>";
        assert_eq!(normalize(xml).expect("normalized"), xml);
    }

    #[test]
    fn undeclared_attributes_are_removed() {
        let xml = "<w:tblGrid><w:gridCol w:w=\"4904\" w:type=\"dxa\" /></w:tblGrid><w:tblW w:w=\"1\" w:type=\"dxa\" />";
        assert_eq!(
            normalize(xml).expect("normalized"),
            "<w:tblGrid><w:gridCol w:w=\"4904\" /></w:tblGrid><w:tblW w:w=\"1\" w:type=\"dxa\" />"
        );
    }

    #[test]
    fn empty_run_properties_leave_style_and_list_paragraph_properties() {
        let xml = "<w:style><w:rPr /><w:pPr><w:rPr /></w:pPr><w:name w:val=\"N\" /></w:style>\
                   <w:lvl><w:pPr><w:rPr /><w:ind /></w:pPr><w:rPr /></w:lvl><w:p><w:pPr><w:rPr /></w:pPr></w:p>";
        assert_eq!(
            normalize(xml).expect("normalized"),
            "<w:style><w:name w:val=\"N\" /><w:pPr></w:pPr><w:rPr /></w:style>\
             <w:lvl><w:pPr><w:ind /></w:pPr><w:rPr /></w:lvl><w:p><w:pPr><w:rPr /></w:pPr></w:p>"
        );
    }

    #[test]
    fn malformed_xml_is_an_error() {
        assert!(normalize("<w:p><w:r></w:p>").is_err());
        assert!(normalize("<w:p>").is_err());
        assert!(normalize("</w:p>").is_err());
        assert!(normalize("<w:p a=\"1").is_err());
    }
}
