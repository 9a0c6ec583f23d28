//! The branch documents (issue 4): each branch's report (a form, or filled
//! from results), the review-meeting minutes, and the vote-count minutes.
//! Runs the real binary; reads the DOCX back with zip + roxmltree and the
//! Markdown as text. Every figure is counted again here from the YAML.

mod common;

use common::{W, build, docx_paragraphs, docx_part, edited, fixture, replace_in, squash};
use roxmltree::{Document as Xml, Node};
use std::path::{Path, PathBuf};
use yaml_serde::Value;

const LEVELS: [(&str, &str); 4] = [
    ("HTXSNV", "Hoàn thành xuất sắc nhiệm vụ"),
    ("HTTNV", "Hoàn thành tốt nhiệm vụ"),
    ("HTNV", "Hoàn thành nhiệm vụ"),
    ("KHTNV", "Không hoàn thành nhiệm vụ"),
];

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn yaml(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("read yaml");
    yaml_serde::from_str::<Value>(&text).expect("parse yaml")
}

fn text(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn num(v: &Value) -> u64 {
    v.as_u64().expect("a number")
}

/// `part / whole` in percent, one decimal, decimal comma, whole numbers
/// without decimals; counted with integers (half up).
fn pct(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "—".to_owned();
    }
    let tenths = (part * 2000 + whole) / (2 * whole);
    match tenths % 10 {
        0 => format!("{}%", tenths / 10),
        d => format!("{},{d}%", tenths / 10),
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("read output")
}

fn doc_xml(docx: &Path) -> String {
    docx_part(docx, "word/document.xml")
}

fn is(node: &Node, name: &str) -> bool {
    node.is_element() && node.has_tag_name((W, name))
}

fn children<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Vec<Node<'a, 'i>> {
    node.children().filter(|c| is(c, name)).collect()
}

fn cell_text(node: Node) -> String {
    node.descendants()
        .filter(|n| is(n, "t"))
        .filter_map(|n| n.text())
        .collect()
}

/// The body's top-level tables as rows of cell texts.
fn tables(xml: &Xml) -> Vec<Vec<Vec<String>>> {
    top_tables(xml)
        .into_iter()
        .map(|t| {
            children(t, "tr")
                .into_iter()
                .map(|r| children(r, "tc").into_iter().map(cell_text).collect())
                .collect()
        })
        .collect()
}

fn top_tables<'a, 'i>(xml: &'a Xml<'i>) -> Vec<Node<'a, 'i>> {
    let body = xml.descendants().find(|n| is(n, "body")).expect("w:body");
    children(body, "tbl")
}

/// The first table whose first row holds a cell `head`.
fn table_with<'a>(all: &'a [Vec<Vec<String>>], head: &str) -> &'a Vec<Vec<String>> {
    all.iter()
        .find(|t| t.first().is_some_and(|r| r.iter().any(|c| c == head)))
        .unwrap_or_else(|| panic!("no table headed `{head}`"))
}

/// The value beside `label` in a two-column `Thông tin | Nội dung` table.
fn value_of(all: &[Vec<Vec<String>>], label: &str) -> String {
    all.iter()
        .flatten()
        .find(|r| r.len() == 2 && r[0] == label)
        .map(|r| r[1].clone())
        .unwrap_or_else(|| panic!("no row `{label}`"))
}

fn out_file(out: &Path, rel: &str) -> PathBuf {
    out.join(rel)
}

fn built(name: &str) -> (tempfile::TempDir, PathBuf) {
    build(&fixture(name))
}

fn branch_ids(cycle: &Value) -> Vec<String> {
    cycle["branches"]
        .as_sequence()
        .expect("branches")
        .iter()
        .map(|b| text(&b["id"]).to_owned())
        .collect()
}

fn branch<'a>(cycle: &'a Value, id: &str) -> &'a Value {
    cycle["branches"]
        .as_sequence()
        .expect("branches")
        .iter()
        .find(|b| text(&b["id"]) == id)
        .expect("branch")
}

// ---------------------------------------------------------------------------
// Branch report
// ---------------------------------------------------------------------------

#[test]
fn branch_report_has_the_branch_header_title_and_signer() {
    let (_tmp, out) = built("quang-binh-2022");
    let md = read(&out_file(&out, "chi-bo/tong-hop/bao-cao.md"));
    let lines: Vec<&str> = md.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[..9],
        [
            // The 21-HD/BTCTW form's label, top right (party-format.md).
            "*Mẫu 01-HD KĐ.ĐG 2019*",
            "ĐẢNG BỘ VĂN PHÒNG UBND TỈNH",
            "**CHI BỘ TỔNG HỢP**",
            "\\*",
            "Số ……-BC/CB",
            "**ĐẢNG CỘNG SẢN VIỆT NAM**",
            // The day the branch signs its report is not in the data (the
            // meeting was on 12/12): a dotted date for the secretary.
            "*Quảng Bình, ngày …… tháng …… năm 2022*",
            "**BÁO CÁO**",
            "**kiểm điểm, đánh giá, xếp loại chất lượng tập thể, cá nhân năm 2022**",
        ]
    );
    for section in [
        "## I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2022",
        "## II. HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN",
        "## III. KẾT QUẢ KHẮC PHỤC",
        "## IV. TRÁCH NHIỆM CỦA TẬP THỂ, CÁ NHÂN",
        "## V. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC",
        "## VI. TỰ ĐÁNH GIÁ, XẾP LOẠI TẬP THỂ CHI BỘ",
        "## VII. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN",
    ] {
        assert!(md.contains(section), "missing {section}");
    }
    assert!(md.contains(
        "về Đảng ủy Văn phòng UBND tỉnh (qua Văn phòng Đảng ủy) trước ngày **20/12/2022**."
    ));
    assert_eq!(
        lines[lines.len() - 6..],
        [
            "**Nơi nhận:**",
            "- Đảng ủy Văn phòng UBND tỉnh,",
            "- Lưu: Chi bộ.",
            "**T/M CHI BỘ**",
            "**BÍ THƯ**",
            "**Hoàng Minh Tuấn**",
        ]
    );

    let docx = out_file(&out, "chi-bo/tong-hop/bao-cao.docx");
    let paragraphs = docx_paragraphs(&docx);
    for line in [
        "ĐẢNG BỘ VĂN PHÒNG UBND TỈNH",
        "CHI BỘ TỔNG HỢP",
        "Số ……-BC/CB",
        "Quảng Bình, ngày …… tháng …… năm 2022",
        "BÁO CÁO",
        "T/M CHI BỘ",
        "BÍ THƯ",
        "Hoàng Minh Tuấn",
        "- Lưu: Chi bộ.",
    ] {
        assert!(paragraphs.iter().any(|p| p == line), "DOCX lacks `{line}`");
    }
    assert!(!md.contains("ngày 12 tháng 12 năm 2022"), "{md}");
    // The minutes of the same branch are dated by the meeting they record.
    let minutes = read(&out_file(&out, "chi-bo/tong-hop/bien-ban-kiem-diem.md"));
    assert!(
        minutes
            .lines()
            .any(|l| l == "*Quảng Bình, ngày 12 tháng 12 năm 2022*"),
        "{minutes}"
    );
}

#[test]
fn filled_reports_count_what_the_results_say() {
    let dir = fixture("quang-binh-2022");
    let (_tmp, out) = built("quang-binh-2022");
    let cycle = yaml(&dir.join("cycle.yaml"));
    for id in branch_ids(&cycle) {
        let results = yaml(&dir.join("results").join(format!("{id}.yaml")));
        let members = results["members"].as_sequence().expect("members");
        let count = |code: &str| {
            members
                .iter()
                .filter(|m| text(&m["rating"]) == code)
                .count() as u64
        };
        let rated: u64 = LEVELS.iter().map(|(c, _)| count(c)).sum();
        let total = num(&branch(&cycle, &id)["members"]);
        let mut expected = vec![total.to_string(), rated.to_string()];
        for (code, _) in LEVELS {
            expected.push(count(code).to_string());
            expected.push(pct(count(code), rated));
        }
        expected.push((members.len() as u64 - rated).to_string());

        let docx = out_file(&out, &format!("chi-bo/{id}/bao-cao.docx"));
        let xml_text = doc_xml(&docx);
        let xml = Xml::parse(&xml_text).expect("xml");
        let all = tables(&xml);
        let stats = table_with(&all, "Được xếp loại");
        assert_eq!(stats.len(), 3, "{id}: two header rows and one row");
        assert_eq!(stats[2], expected, "{id}: statistics");

        let md = read(&out_file(&out, &format!("chi-bo/{id}/bao-cao.md")));
        assert!(
            md.contains(&format!("| {} |", expected.join(" | "))),
            "{id}: Markdown statistics row"
        );
        assert!(md.contains(&format!(
            "Tổng số đảng viên của chi bộ: {total} đồng chí; được đánh giá, xếp loại: {rated} đồng chí; không xếp loại: {} đồng chí.",
            members.len() as u64 - rated
        )));

        let list = table_with(&all, "Chi bộ đề nghị xếp loại");
        assert_eq!(list.len() - 1, members.len(), "{id}: a row per member");
        for (row, m) in list[1..].iter().zip(members) {
            assert_eq!(row[1], text(&m["name"]));
            let rating = LEVELS
                .iter()
                .find(|(c, _)| *c == text(&m["rating"]))
                .map_or("Không xếp loại", |(_, full)| full);
            assert_eq!(row[row.len() - 1], rating, "{id}: {}", row[1]);
        }

        let excellent: Vec<&str> = members
            .iter()
            .filter(|m| text(&m["rating"]) == "HTXSNV")
            .map(|m| text(&m["name"]))
            .collect();
        let achievements = table_with(&all, "Thành tích, sản phẩm cụ thể");
        let names: Vec<&str> = achievements[1..].iter().map(|r| r[1].as_str()).collect();
        if excellent.is_empty() {
            assert!(!md.contains("| STT | Họ và tên | Thành tích"));
        } else {
            assert_eq!(names, excellent, "{id}: HTXSNV members");
        }

        assert_eq!(value_of(&all, "Mã chi bộ"), id);
        assert_eq!(value_of(&all, "Năm"), "2022");
        assert_eq!(
            value_of(&all, "Chủ trì"),
            text(&results["meeting"]["chair"])
        );
        let collective = LEVELS
            .iter()
            .find(|(c, _)| *c == text(&results["collective"]["rating"]))
            .map(|(_, full)| *full)
            .expect("collective rating");
        assert_eq!(value_of(&all, "Tập thể chi bộ tự xếp loại"), collective);
    }
}

#[test]
fn special_cases_name_the_member_and_the_fact() {
    let (_tmp, out) = built("quang-binh-2022");
    let md = read(&out_file(&out, "chi-bo/noi-chinh/bao-cao.md"));
    assert!(md.contains("Bị kỷ luật trong năm: Đặng Quốc Khánh (Khiển trách)."));
    assert!(md.contains("| 1 | Đặng Quốc Khánh |  | Khiển trách |  |"));
    let md = read(&out_file(&out, "chi-bo/khoa-giao-van-xa/bao-cao.md"));
    assert!(md.contains("Không xếp loại: Đinh Thị Hà Vy (kết nạp chưa đủ 6 tháng)."));
    let md = read(&out_file(&out, "chi-bo/kinh-te/bao-cao.md"));
    assert!(
        md.contains("| 1 | Ngô Thị Thanh Tâm |  |  | 4 |"),
        "sick leave"
    );
}

#[test]
fn tables_merge_group_headers_repeat_them_and_align_numbers_right() {
    let (_tmp, out) = built("quang-binh-2022");
    let xml_text = doc_xml(&out_file(&out, "chi-bo/tong-hop/bao-cao.docx"));
    let xml = Xml::parse(&xml_text).expect("xml");
    let stats = top_tables(&xml)
        .into_iter()
        .find(|t| cell_text(*t).contains("Được xếp loại"))
        .expect("statistics table");
    assert!(
        descendants_named(stats, "tblBorders").len() == 1,
        "bordered"
    );
    let rows = children(stats, "tr");
    let header = |r: &Node| descendants_named(*r, "tblHeader").len();
    assert_eq!(
        (header(&rows[0]), header(&rows[1]), header(&rows[2])),
        (1, 1, 0)
    );
    let spans: Vec<&str> = descendants_named(rows[0], "gridSpan")
        .iter()
        .filter_map(|g| g.attribute((W, "val")))
        .collect();
    assert_eq!(spans, ["2", "2", "2", "2"], "a group per level");
    let merged: Vec<Option<&str>> = descendants_named(rows[0], "vMerge")
        .iter()
        .map(|v| v.attribute((W, "val")))
        .collect();
    assert_eq!(merged, [Some("restart"); 3], "leaf columns span both rows");
    assert_eq!(descendants_named(rows[1], "vMerge").len(), 3);
    let body_aligns: Vec<&str> = descendants_named(rows[2], "jc")
        .iter()
        .filter_map(|j| j.attribute((W, "val")))
        .collect();
    assert!(!body_aligns.is_empty() && body_aligns.iter().all(|a| *a == "right"));
    let bold_header = descendants_named(rows[0], "b").len();
    assert!(bold_header > 0, "bold header");

    let md = read(&out_file(&out, "chi-bo/tong-hop/bao-cao.md"));
    assert!(md.contains(
        "| Tổng số đảng viên | Được xếp loại | Hoàn thành xuất sắc nhiệm vụ: Số lượng | Hoàn thành xuất sắc nhiệm vụ: Tỷ lệ |"
    ));
}

fn descendants_named<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Vec<Node<'a, 'i>> {
    node.descendants().filter(|n| is(n, name)).collect()
}

// ---------------------------------------------------------------------------
// Review minutes
// ---------------------------------------------------------------------------

/// The closing table: the last top-level table of the document.
fn closing_cells(xml: &Xml) -> Vec<Vec<String>> {
    let last = *top_tables(xml).last().expect("closing table");
    children(last, "tr")
        .into_iter()
        .flat_map(|r| children(r, "tc"))
        .map(|c| {
            children(c, "p")
                .into_iter()
                .map(cell_text)
                .filter(|t| !t.is_empty())
                .collect()
        })
        .collect()
}

#[test]
fn review_minutes_record_the_meeting_and_are_signed_by_clerk_and_chair() {
    let dir = fixture("quang-binh-2022");
    let (_tmp, out) = built("quang-binh-2022");
    let results = yaml(&dir.join("results/kinh-te.yaml"));
    let meeting = &results["meeting"];
    let md = read(&out_file(&out, "chi-bo/kinh-te/bien-ban-kiem-diem.md"));
    for line in [
        "ĐẢNG BỘ VĂN PHÒNG UBND TỈNH",
        "**CHI BỘ KINH TẾ**",
        "Số ……-BB/CB",
        "*Quảng Bình, ngày 08 tháng 12 năm 2022*",
        "**BIÊN BẢN**",
        "**hội nghị kiểm điểm, đánh giá, xếp loại chất lượng năm 2022**",
    ] {
        assert!(md.lines().any(|l| l == line), "missing `{line}`");
    }
    let flat = squash(&md);
    assert!(flat.contains(&format!("tại {},", text(&meeting["place"]))));
    assert!(flat.contains(&format!(
        "Chủ trì hội nghị: đồng chí {}, Bí thư chi bộ.",
        text(&meeting["chair"])
    )));
    assert!(flat.contains(&format!(
        "Thư ký hội nghị: đồng chí {}.",
        text(&meeting["clerk"])
    )));
    assert!(flat.contains(&format!("Đại biểu dự: {}.", text(&meeting["guests"][0]))));
    // kinh-te.yaml records no attendance (`absent` left out): not known, so
    // the counts are blanks for the clerk, never "vắng mặt: 0".
    assert!(flat.contains(
        "Tổng số đảng viên của chi bộ: 12 đồng chí; có mặt: …… đồng chí; vắng mặt: …… đồng chí."
    ));
    assert!(flat.contains("Hội nghị kết thúc vào lúc …… giờ …… cùng ngày."));
    assert!(flat.contains("đề nghị xếp loại chất lượng năm 2022: **Hoàn thành tốt nhiệm vụ**."));

    let xml_text = doc_xml(&out_file(&out, "chi-bo/kinh-te/bien-ban-kiem-diem.docx"));
    let xml = Xml::parse(&xml_text).expect("xml");
    let members = results["members"].as_sequence().expect("members");
    let list = table_with(&tables(&xml), "Chi bộ đề nghị xếp loại").clone();
    assert_eq!(list.len() - 1, members.len());
    assert_eq!(
        closing_cells(&xml),
        [
            vec!["THƯ KÝ".to_owned(), text(&meeting["clerk"]).to_owned()],
            vec![
                "CHỦ TRÌ HỘI NGHỊ".to_owned(),
                text(&meeting["chair"]).to_owned()
            ],
        ]
    );
}

#[test]
fn absent_members_are_named_with_their_reason() {
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        replace_in(
            &dir.join("results/tong-hop.yaml"),
            "  clerk: Bùi Thị Phương Thảo\n",
            "  clerk: Bùi Thị Phương Thảo\n  absent:\n    - { name: Đinh Công Thành, reason: đi công tác }\n",
        );
    });
    let (_out_tmp, out) = build(&dir);
    let md = squash(&read(&out_file(
        &out,
        "chi-bo/tong-hop/bien-ban-kiem-diem.md",
    )));
    assert!(md.contains("có mặt: 11 đồng chí; vắng mặt: 1 đồng chí."));
    assert!(md.contains("Vắng mặt: đồng chí Đinh Công Thành, lý do: đi công tác."));
    // The branch report's meeting table gives the same figure and names.
    let xml_text = doc_xml(&out_file(&out, "chi-bo/tong-hop/bao-cao.docx"));
    let all = tables(&Xml::parse(&xml_text).expect("xml"));
    assert_eq!(value_of(&all, "Số đảng viên có mặt"), "11");
    assert_eq!(
        value_of(&all, "Đảng viên vắng mặt (họ tên, lý do)"),
        "Đinh Công Thành (đi công tác)"
    );
}

#[test]
fn the_report_gives_attendance_only_as_the_results_record_it() {
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        replace_in(
            &dir.join("results/tong-hop.yaml"),
            "  clerk: Bùi Thị Phương Thảo\n",
            "  clerk: Bùi Thị Phương Thảo\n  absent: []\n",
        );
    });
    let (_out_tmp, out) = build(&dir);
    let cells = |id: &str| {
        let xml_text = doc_xml(&out_file(&out, &format!("chi-bo/{id}/bao-cao.docx")));
        let all = tables(&Xml::parse(&xml_text).expect("xml"));
        (
            value_of(&all, "Số đảng viên có mặt"),
            value_of(&all, "Đảng viên vắng mặt (họ tên, lý do)"),
        )
    };
    // `absent: []`: all 12 present, and the cell says there was no one.
    assert_eq!(cells("tong-hop"), ("12".to_owned(), "Không có".to_owned()));
    // `absent` left out: not known, a dotted blank in both.
    assert_eq!(cells("kinh-te"), ("……".to_owned(), "……".to_owned()));
}

#[test]
fn a_filled_report_leaves_a_dotted_blank_for_achievements_not_given() {
    let (_tmp, out) = built("quang-binh-2022");
    // kinh-te.yaml gives no `collective.achievements` (rated HTTNV).
    let xml_text = doc_xml(&out_file(&out, "chi-bo/kinh-te/bao-cao.docx"));
    let all = tables(&Xml::parse(&xml_text).expect("xml"));
    assert_eq!(value_of(&all, "Thành tích, sản phẩm cụ thể"), "……");
}

// ---------------------------------------------------------------------------
// Vote-count minutes
// ---------------------------------------------------------------------------

#[test]
fn vote_minutes_figures_are_the_votes_yaml_figures() {
    let dir = fixture("quang-binh-2022");
    let (_tmp, out) = built("quang-binh-2022");
    let votes = yaml(&dir.join("votes.yaml"));
    let ballots = &votes["ballots"];
    let (issued, returned, valid) = (
        num(&ballots["issued"]),
        num(&ballots["returned"]),
        num(&ballots["valid"]),
    );
    let md = read(&out_file(&out, "bien-ban-kiem-phieu.md"));
    for line in [
        "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH",
        "**ĐẢNG ỦY VĂN PHÒNG UBND TỈNH**",
        "Số ……-BB/ĐUVP",
        "*Quảng Bình, ngày 16 tháng 12 năm 2022*",
        "**BIÊN BẢN**",
    ] {
        assert!(md.lines().any(|l| l == line), "missing `{line}`");
    }
    let flat = squash(&md);
    let (convened, present) = (num(&votes["convened"]), num(&votes["present"]));
    assert!(flat.contains(&format!(
        "Tổng số người được triệu tập: {convened}; có mặt: {present} ({}).",
        pct(present, convened)
    )));
    assert!(flat.contains(&format!(
        "Số phiếu phát ra: {issued}; số phiếu thu vào: {returned}; số phiếu hợp lệ: {valid}; số phiếu không hợp lệ: {}.",
        returned - valid
    )));
    assert!(flat.contains(&format!(
        "tính trên số phiếu thu vào ({returned} phiếu; số phiếu hợp lệ: {valid})"
    )));
    assert!(flat.contains("theo Quy định số 262-QĐ/TW ngày 08/10/2014 của Bộ Chính trị"));
    assert!(flat.contains("Không có đồng chí nào có trên 50%"));

    let xml_text = doc_xml(&out_file(&out, "bien-ban-kiem-phieu.docx"));
    let xml = Xml::parse(&xml_text).expect("xml");
    let all = tables(&xml);
    let table = table_with(&all, "Tín nhiệm thấp");
    assert_eq!(
        table[1],
        [
            "",
            "",
            "",
            "Số phiếu",
            "Tỷ lệ",
            "Số phiếu",
            "Tỷ lệ",
            "Số phiếu",
            "Tỷ lệ"
        ]
    );
    let people = votes["people"].as_sequence().expect("people");
    assert_eq!(table.len() - 2, people.len());
    for (i, (row, p)) in table[2..].iter().zip(people).enumerate() {
        let mut expected = vec![
            (i + 1).to_string(),
            text(&p["name"]).to_owned(),
            text(&p["position"]).to_owned(),
        ];
        for key in ["high", "trust", "low"] {
            expected.push(num(&p[key]).to_string());
            expected.push(pct(num(&p[key]), returned));
        }
        assert_eq!(*row, expected);
    }
    let board = votes["board"].as_sequence().expect("board");
    let mut signers = vec![vec![
        "TRƯỞNG BAN KIỂM PHIẾU".to_owned(),
        text(&board[0]["name"]).to_owned(),
    ]];
    for b in &board[1..] {
        signers.push(vec!["THÀNH VIÊN".to_owned(), text(&b["name"]).to_owned()]);
    }
    let closing: Vec<Vec<String>> = closing_cells(&xml)
        .into_iter()
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(closing, signers);
}

#[test]
fn vote_minutes_over_valid_ballots_name_the_consequences() {
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        replace_in(
            &dir.join("cycle.yaml"),
            "rules: qd132-2018\n",
            "rules: qd132-2018\nrule_options:\n  vote_base: valid\n",
        );
        let votes = dir.join("votes.yaml");
        replace_in(
            &votes,
            "high: 30\n    trust: 11\n    low: 3",
            "high: 5\n    trust: 5\n    low: 34",
        );
        replace_in(
            &votes,
            "high: 35\n    trust: 8\n    low: 0",
            "high: 20\n    trust: 1\n    low: 23",
        );
    });
    let (_out_tmp, out) = build(&dir);
    let flat = squash(&read(&out_file(&out, "bien-ban-kiem-phieu.md")));
    assert!(flat.contains("tính trên số phiếu hợp lệ (44 phiếu; số phiếu thu vào: 45)"));
    assert!(flat.contains(&format!(
        "Đồng chí Lê Thị Kim Dung, Phó Chánh Văn phòng UBND tỉnh: 34/44 phiếu tín nhiệm thấp ({}), từ 2/3 trở lên",
        pct(34, 44)
    )));
    assert!(flat.contains(&format!(
        "Đồng chí Võ Thanh Bình, Phó Chánh Văn phòng UBND tỉnh: 23/44 phiếu tín nhiệm thấp ({}), trên 50%",
        pct(23, 44)
    )));
    assert!(flat.contains(&format!("| 38 | {} |", pct(38, 44))));
}

#[test]
fn the_vote_regulation_follows_the_year() {
    let (_tmp, out) = built("other-committee-2024");
    assert!(
        !out.join("bien-ban-kiem-phieu.md").exists(),
        "no votes.yaml, no minutes"
    );
    let (_tmp, dir) = edited("other-committee-2024", |dir| {
        let votes = read(&fixture("quang-binh-2022").join("votes.yaml"))
            .replace("2022-12-16", "2024-12-10");
        std::fs::write(dir.join("votes.yaml"), votes).expect("write votes");
    });
    let (_out_tmp, out) = build(&dir);
    let flat = squash(&read(&out.join("bien-ban-kiem-phieu.md")));
    assert!(
        flat.contains("Quy định số 96-QĐ/TW ngày 02/02/2023"),
        "{flat}"
    );
    assert!(!flat.contains("262-QĐ/TW"));
}

// ---------------------------------------------------------------------------
// Escaping
// ---------------------------------------------------------------------------

#[test]
fn names_with_markup_characters_print_literally() {
    const ODD: &str = "Cao Văn “Lực” & <Lê> *Tý* {{ ten }}";
    let (_tmp, dir) = edited("quang-binh-2022", |dir| {
        replace_in(&dir.join("cycle.yaml"), "Cao Văn Lực", ODD);
        let results = dir.join("results/tong-hop.yaml");
        replace_in(&results, "Cao Văn Lực", ODD);
        replace_in(
            &results,
            "clerk: Bùi Thị Phương Thảo",
            &format!("clerk: {ODD}"),
        );
    });
    let (_out_tmp, out) = build(&dir);
    let escaped = r"Cao Văn “Lực” \& \<Lê\> \*Tý\* {{ ten }}";
    for doc in ["bao-cao", "bien-ban-kiem-diem"] {
        let md = read(&out.join(format!("chi-bo/tong-hop/{doc}.md")));
        assert!(md.contains(escaped), "{doc}.md: {md}");
        let row = md
            .lines()
            .find(|l| l.contains(escaped) && l.starts_with("| 11 |"))
            .expect("member row");
        assert_eq!(row.matches(" | ").count() + 1, row.split(" | ").count());

        let docx = out.join(format!("chi-bo/tong-hop/{doc}.docx"));
        let xml_text = doc_xml(&docx);
        let xml = Xml::parse(&xml_text).expect("xml");
        let cells: Vec<String> = tables(&xml).into_iter().flatten().flatten().collect();
        assert!(cells.iter().any(|c| c == ODD), "{doc}.docx member cell");
    }
    let xml_text = doc_xml(&out.join("chi-bo/tong-hop/bien-ban-kiem-diem.docx"));
    let xml = Xml::parse(&xml_text).expect("xml");
    assert_eq!(closing_cells(&xml)[0], ["THƯ KÝ", ODD]);
    let paragraphs = docx_paragraphs(&out.join("chi-bo/tong-hop/bien-ban-kiem-diem.docx"));
    assert!(
        paragraphs
            .iter()
            .any(|p| p.contains(&format!("Thư ký hội nghị: đồng chí {ODD}."))),
        "literal in a body paragraph"
    );
}

// ---------------------------------------------------------------------------
// Forms (no results)
// ---------------------------------------------------------------------------

#[test]
fn forms_list_every_roster_name_and_leave_blanks() {
    let dir = fixture("other-committee-2024");
    let (_tmp, out) = built("other-committee-2024");
    let cycle = yaml(&dir.join("cycle.yaml"));
    for id in branch_ids(&cycle) {
        let b = branch(&cycle, &id);
        let roster: Vec<&str> = b["roster"]
            .as_sequence()
            .expect("roster")
            .iter()
            .map(text)
            .collect();
        let md = read(&out.join(format!("chi-bo/{id}/bao-cao.md")));
        assert!(md.contains("*Nghệ An, ngày …… tháng …… năm 2024*"));
        assert!(md.contains("\n………………"), "{id}: dotted lines for prose");
        let docx = out.join(format!("chi-bo/{id}/bao-cao.docx"));
        let xml_text = doc_xml(&docx);
        let xml = Xml::parse(&xml_text).expect("xml");
        let all = tables(&xml);
        let list = table_with(&all, "Ghi chú");
        // Merged cells continue (empty) in the second header row.
        assert_eq!(list[1], ["", "", "", "Tự xếp loại", "Chi bộ đề nghị", ""]);
        let names: Vec<&str> = list[2..].iter().map(|r| r[1].as_str()).collect();
        assert_eq!(names, roster, "{id}: one row per roster name");
        assert!(
            list[2..]
                .iter()
                .all(|r| r[3..].iter().all(String::is_empty))
        );

        let stats = table_with(&all, "Được xếp loại");
        assert_eq!(stats[2][0], num(&b["members"]).to_string());
        assert!(
            stats[2][1..].iter().all(String::is_empty),
            "{id}: empty number cells"
        );
        assert_eq!(value_of(&all, "Mã chi bộ"), id);
        // The form's cells are empty, the attendance rows and the
        // collective's achievements too (never a dotted blank to type over).
        for row in [
            "Ngày họp",
            "Số đảng viên có mặt",
            "Đảng viên vắng mặt (họ tên, lý do)",
            "Thành tích, sản phẩm cụ thể",
        ] {
            assert_eq!(value_of(&all, row), "", "{id}: {row}");
        }

        let minutes = read(&out.join(format!("chi-bo/{id}/bien-ban-kiem-diem.md")));
        assert!(squash(&minutes).contains("Hội nghị kết thúc vào lúc …… giờ …… cùng ngày."));
        let xml_text = doc_xml(&out.join(format!("chi-bo/{id}/bien-ban-kiem-diem.docx")));
        let xml = Xml::parse(&xml_text).expect("xml");
        let closing = closing_cells(&xml);
        assert_eq!(closing.len(), 2);
        assert_eq!(closing[0][0], "THƯ KÝ");
        assert_eq!(closing[1][0], "CHỦ TRÌ HỘI NGHỊ");
        assert!(
            closing.iter().all(|c| c[1].starts_with("………")),
            "dotted names"
        );
    }
}

#[test]
fn a_form_without_roster_has_a_row_per_member() {
    let (_tmp, dir) = edited("other-committee-2024", |dir| {
        let file = dir.join("cycle.yaml");
        let mut cycle = yaml(&file);
        let branches = cycle["branches"].as_sequence_mut().expect("branches");
        if let Some(map) = branches[0].as_mapping_mut() {
            map.remove("roster");
        }
        std::fs::write(&file, yaml_serde::to_string(&cycle).expect("yaml")).expect("write");
    });
    let (_out_tmp, out) = build(&dir);
    let xml_text = doc_xml(&out.join("chi-bo/van-phong/bao-cao.docx"));
    let xml = Xml::parse(&xml_text).expect("xml");
    let all = tables(&xml);
    let list = table_with(&all, "Ghi chú");
    assert_eq!(list.len() - 2, 6, "members: 6");
    assert!(list[2..].iter().all(|r| r[1].is_empty()));
    let numbers: Vec<&str> = list[2..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6"]);
}

#[test]
fn forms_under_qd366_ask_for_scores() {
    let (_tmp, dir) = edited("other-committee-2024", |dir| {
        let file = dir.join("cycle.yaml");
        replace_in(&file, "year: 2024", "year: 2025");
        replace_in(&file, "rules: qd124-2023", "rules: qd366-2025");
    });
    let (_out_tmp, out) = build(&dir);
    let xml_text = doc_xml(&out.join("chi-bo/van-phong/bao-cao.docx"));
    let xml = Xml::parse(&xml_text).expect("xml");
    let all = tables(&xml);
    assert_eq!(value_of(&all, "Điểm"), "");
    let list = table_with(&all, "Ghi chú");
    assert!(list[0].iter().any(|c| c == "Điểm"), "score column");
    let special = table_with(&all, "Nghỉ ốm (số tháng)");
    assert!(!special[0].iter().any(|c| c == "Tự phát hiện, tự khắc phục"));
}
