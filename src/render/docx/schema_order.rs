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

/// One open element: its start tag and its children so far, each with its
/// rank in the parent's schema order.
struct Frame<'x> {
    name: &'x str,
    start: String,
    order: Option<&'static [&'static str]>,
    children: Vec<(usize, String)>,
}

impl<'x> Frame<'x> {
    fn new(name: &'x str, start: String) -> Frame<'x> {
        let order = ORDERS.iter().find(|(n, _)| *n == name).map(|(_, o)| *o);
        Frame {
            name,
            start,
            order,
            children: Vec::new(),
        }
    }

    /// Adds a child element; its rank is its place in this element's order
    /// (unknown children go last, in their original order).
    fn push_element(&mut self, name: &str, xml: String) {
        let rank = self.order.map_or(0, |order| {
            order.iter().position(|n| *n == name).unwrap_or(order.len())
        });
        self.children.push((rank, xml));
    }

    /// Adds text or markup that stays beside the child before it.
    fn push_raw(&mut self, xml: &str) {
        let rank = self.children.last().map_or(0, |(rank, _)| *rank);
        self.children.push((rank, xml.to_owned()));
    }

    /// The whole element, children in schema order.
    fn finish(mut self) -> String {
        if self.order.is_some() {
            self.children.sort_by_key(|(rank, _)| *rank);
        }
        let mut xml = self.start;
        for (_, child) in self.children {
            xml.push_str(&child);
        }
        xml.push_str("</");
        xml.push_str(self.name);
        xml.push('>');
        xml
    }
}

/// `xml` with every element's children in schema order, undeclared
/// attributes removed and misplaced empty elements dropped.
pub fn normalize(xml: &str) -> Result<String, Malformed> {
    let mut root = Frame::new("", String::new());
    let mut open: Vec<Frame> = Vec::new();
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
        take(token, &mut root, &mut open)?;
    }
    if !open.is_empty() {
        return Err(Malformed("unclosed element"));
    }
    let mut out = String::with_capacity(xml.len());
    for (_, child) in root.children {
        out.push_str(&child);
    }
    Ok(out)
}

/// Handles one token: a start, end or empty-element tag, or anything else.
fn take<'x>(
    token: &'x str,
    root: &mut Frame<'x>,
    open: &mut Vec<Frame<'x>>,
) -> Result<(), Malformed> {
    let Some(tag) = token.strip_prefix('<') else {
        open.last_mut().unwrap_or(root).push_raw(token);
        return Ok(());
    };
    if tag.starts_with('?') || tag.starts_with('!') {
        open.last_mut().unwrap_or(root).push_raw(token);
    } else if let Some(name) = tag.strip_prefix('/') {
        let name = name.trim_end_matches('>').trim_end();
        let frame = open.pop().ok_or(Malformed("end tag without start"))?;
        if frame.name != name {
            return Err(Malformed("mismatched end tag"));
        }
        close(
            frame.name,
            frame.children.is_empty(),
            frame.finish(),
            root,
            open,
        );
    } else {
        let name = element_name(tag);
        let start = drop_undeclared(name, token);
        if token.ends_with("/>") {
            close(name, true, start, root, open);
        } else {
            open.push(Frame::new(name, start));
        }
    }
    Ok(())
}

/// Adds a finished element to its parent, unless it is a misplaced empty one.
fn close<'x>(name: &str, empty: bool, xml: String, root: &mut Frame<'x>, open: &mut [Frame<'x>]) {
    let depth = open.len();
    let parent = depth.checked_sub(1).map_or("", |i| open[i].name);
    let grandparent = depth.checked_sub(2).map_or("", |i| open[i].name);
    if empty && MISPLACED_EMPTY.contains(&[grandparent, parent, name]) {
        return;
    }
    open.last_mut().unwrap_or(root).push_element(name, xml);
}

/// The length of the tag at the start of `xml` (up to its `>`, outside quotes).
fn tag_len(xml: &str) -> Result<usize, Malformed> {
    let mut quote = None;
    for (i, c) in xml.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if q == c => quote = None,
            (None, '>') => return Ok(i + 1),
            _ => {}
        }
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

/// The start tag without the attributes the schema does not declare on `name`.
fn drop_undeclared(name: &str, tag: &str) -> String {
    let drop: Vec<&str> = UNDECLARED
        .iter()
        .filter(|(element, _)| *element == name)
        .map(|(_, attribute)| *attribute)
        .collect();
    if drop.is_empty() {
        return tag.to_owned();
    }
    let empty = tag.ends_with("/>");
    let inner = tag[1 + name.len()..]
        .trim_end_matches('>')
        .trim_end_matches('/');
    let mut out = format!("<{name}");
    for (attr, value) in attributes(inner) {
        if !drop.contains(&attr) {
            out.push_str(&format!(" {attr}={value}"));
        }
    }
    out.push_str(if empty { " />" } else { ">" });
    out
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
