//! Synthetic cycles for benchmarks and scale tests: N branches of M members,
//! deterministic from a seed, with Vietnamese names and a spread of ratings
//! that passes every rule of rules.md (no error, no warning).
//!
//! The cycle's header (issuer, references, schedule, directive, report) is
//! the example's (fixtures/quang-binh-2022/cycle.yaml); the branches, their
//! results and votes.yaml are generated. Shared by `examples/gen_cycle.rs`,
//! the benches and `tests/synthetic.rs` through `#[path]`.
//!
//! What keeps the rules quiet:
//! - per branch, HTXSNV members ≤ 20% of its HTTNV members (so over the
//!   whole organisation too, and `quota-excellent-branch` stays silent);
//!   the same 1 : 5 ratio for branches rated HTXSNV as collectives;
//! - the secretary (`bi-thu`) is never rated above the branch;
//! - every HTXSNV (member or branch) has `achievements`;
//! - only KHTNV members are disciplined, never in a branch rated HTXSNV;
//! - review meetings on working days between the directive (12/11/2022) and
//!   the vote (16/12/2022), which is before `branch_report_due`;
//! - the vote: at most 80 convened, quorum over 2/3, low-confidence votes
//!   under 10%;
//! - texts in NFC, one tone-mark style (`hòa`, `thủy`), no year but 2022.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// The example cycle.yaml: everything before `branches:` is reused.
const EXAMPLE_CYCLE: &str = include_str!("../../fixtures/quang-binh-2022/cycle.yaml");

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub branches: usize,
    pub members: usize,
    pub seed: u64,
    /// List each branch's members in cycle.yaml (`roster`, optional in the
    /// format). Off for very large cycles: cycle.yaml must stay under the
    /// 5 MiB input limit (10,000 branches × 30 names is about 7 MiB).
    pub roster: bool,
}

/// A generated cycle: file path (relative to the cycle folder) and text.
pub struct Files {
    pub files: Vec<(String, String)>,
}

impl Files {
    /// Writes every file under `dir` (created if missing).
    pub fn write(&self, dir: &Path) -> io::Result<()> {
        std::fs::create_dir_all(dir.join("results"))?;
        for (rel, text) in &self.files {
            std::fs::write(dir.join(rel), text)?;
        }
        Ok(())
    }
}

/// Generates and writes a cycle into `dir`.
pub fn write_cycle(dir: &Path, spec: Spec) -> io::Result<()> {
    generate(spec).write(dir)
}

/// SplitMix64: small, fast, and the same sequence everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

const FAMILY: &[&str] = &[
    "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
    "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
];
const MIDDLE_MALE: &[&str] = &[
    "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh", "Quốc", "Đình", "Công", "Mạnh",
    "Anh", "Ngọc", "Trọng", "Thế",
];
const MIDDLE_FEMALE: &[&str] = &[
    "Thị",
    "Thị",
    "Thị Thu",
    "Thị Thanh",
    "Thị Kim",
    "Thị Hồng",
    "Thị Mỹ",
    "Thị Ngọc",
    "Thị Minh",
    "Thị Bích",
    "Thị Thúy",
    "Thị Lan",
    "Thị Diệu",
];
const GIVEN_MALE: &[&str] = &[
    "Tuấn",
    "Minh",
    "Phước",
    "Khánh",
    "Thành",
    "Lực",
    "Thắng",
    "Lâm",
    "Hùng",
    "Trường",
    "Quyết",
    "Hiếu",
    "Tú",
    "Bình",
    "Dũng",
    "Việt",
    "Sơn",
    "Nghĩa",
    "Toàn",
    "Long",
    "Nam",
    "Bảo",
    "Chiến",
    "Phúc",
    "Hưng",
    "Tiến",
    "Thiện",
    "Cường",
    "Tài",
    "Đức",
    "Hòa",
    "Hải",
    "Kiên",
    "Trung",
    "Quân",
    "Vinh",
    "Lợi",
    "Thịnh",
    "Hoàng",
    "Duy",
];
const GIVEN_FEMALE: &[&str] = &[
    "Hương", "Linh", "Ánh", "Oanh", "Nhung", "Thảo", "Trang", "Nguyệt", "Lan", "Yến", "Tâm",
    "Ngọc", "Huyền", "Thúy", "Mai", "Dung", "Thủy", "Ngân", "Quỳnh", "Vy", "Hà", "Vân", "Hiền",
    "Châu", "Quyên", "Hường", "Nhàn", "Trinh", "Hạnh", "Phương", "Giang", "Loan",
];

/// (id, name of the branch's field of work).
const FIELDS: &[(&str, &str)] = &[
    ("tong-hop", "Tổng hợp"),
    ("kinh-te", "Kinh tế"),
    ("noi-chinh", "Nội chính"),
    ("khoa-giao-van-xa", "Khoa giáo – Văn xã"),
    ("hanh-chinh-to-chuc", "Hành chính – Tổ chức"),
    ("quan-tri-tai-vu", "Quản trị – Tài vụ"),
    ("tiep-cong-dan", "Tiếp công dân"),
    ("kiem-soat-thu-tuc", "Kiểm soát thủ tục hành chính"),
    ("cong-thong-tin", "Cổng thông tin điện tử"),
    ("phuc-vu-hanh-chinh-cong", "Phục vụ hành chính công"),
    ("quoc-te", "Quốc tế"),
    ("cong-nghiep", "Công nghiệp – Xây dựng"),
];

const STRENGTHS: &[&str] = &[
    "Chi bộ lãnh đạo đảng viên hoàn thành tốt nhiệm vụ chuyên môn được giao, tham mưu kịp thời, đúng quy định. Đảng viên giữ gìn phẩm chất đạo đức, lối sống, có ý thức tự phê bình và phê bình.",
    "Chi bộ duy trì nền nếp sinh hoạt định kỳ và chuyên đề; nội dung sinh hoạt gắn với nhiệm vụ chính trị của cơ quan. Công tác quản lý đảng viên được thực hiện chặt chẽ.",
    "Chi bộ lãnh đạo đẩy mạnh ứng dụng công nghệ thông tin, xử lý hồ sơ trên môi trường mạng; tỷ lệ hồ sơ giải quyết đúng hạn đạt cao. Nội bộ đoàn kết, thống nhất.",
    "Chi bộ thực hiện tốt việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; đảng viên gương mẫu, tích cực tham gia các phong trào thi đua.",
];
const SHORTCOMINGS: &[&str] = &[
    "Tiến độ tham mưu một số nhiệm vụ còn chậm so với thời hạn; chất lượng sinh hoạt chuyên đề chưa đồng đều.",
    "Việc cập nhật hồ sơ đảng viên có lúc chưa kịp thời; một số đảng viên chưa chủ động đề xuất giải pháp.",
    "Công tác kiểm tra, giám sát của chi ủy có nội dung chưa thường xuyên; việc phê bình trong sinh hoạt còn nể nang.",
    "Việc phối hợp với các đơn vị liên quan có lúc chưa chặt chẽ; lập hồ sơ công việc điện tử chưa đồng bộ.",
];
const REMEDIES: &[&str] = &[
    "Rà soát, lập danh mục nhiệm vụ tồn đọng và phân công đảng viên chịu trách nhiệm theo từng việc; mỗi quý tổ chức ít nhất một buổi sinh hoạt chuyên đề.",
    "Rà soát, bổ sung hồ sơ đảng viên trong quý I; giao mỗi đảng viên đề xuất ít nhất một sáng kiến cải tiến công việc.",
    "Xây dựng kế hoạch kiểm tra, giám sát cụ thể theo từng quý; nâng cao chất lượng tự phê bình và phê bình trong sinh hoạt chi bộ.",
    "Ban hành quy chế phối hợp với các đơn vị liên quan; hướng dẫn đảng viên lập hồ sơ công việc trên hệ thống quản lý văn bản.",
];
const MEMBER_ACHIEVEMENTS: &[&str] = &[
    "Chủ trì tham mưu xử lý {n} hồ sơ đúng hạn, không có hồ sơ phải trả lại; đề xuất sáng kiến rút ngắn thời gian xử lý được cơ quan áp dụng.",
    "Chủ trì xây dựng {n} văn bản quy phạm và kế hoạch được cấp có thẩm quyền ban hành; được tặng Bằng khen của Chủ tịch UBND tỉnh.",
    "Hoàn thành số hóa {n} hồ sơ, tài liệu lưu trữ và đưa vào khai thác trên hệ thống quản lý văn bản và điều hành.",
    "Tham mưu giải quyết dứt điểm {n} vụ việc tồn đọng, kéo dài; xây dựng quy trình phối hợp được cơ quan ban hành.",
];
const COLLECTIVE_ACHIEVEMENTS: &[&str] = &[
    "Chi bộ lãnh đạo hoàn thành vượt tiến độ {n} nhiệm vụ trọng tâm của cơ quan; kết nạp một đảng viên mới; không có đảng viên vi phạm.",
    "Chi bộ lãnh đạo đơn vị giải quyết đúng hạn toàn bộ hồ sơ; {n} sáng kiến của đảng viên được công nhận; được Đảng ủy tặng Giấy khen.",
];
const DISCIPLINE: &[&str] = &["Khiển trách", "Cảnh cáo"];
const GUEST_TITLES: &[&str] = &[
    "Phó Bí thư Đảng ủy",
    "Ủy viên Ban Thường vụ Đảng ủy",
    "Ủy viên Ban Chấp hành Đảng bộ",
];

/// Review meetings: working days (Monday–Friday, no holiday in this span)
/// from 14/11/2022 to 15/12/2022, between the directive (12/11) and the
/// vote (16/12).
fn meeting_days() -> Vec<String> {
    let mut days = Vec::new();
    // 14/11/2022 is a Monday.
    let (mut month, mut day, mut weekday) = (11u32, 14u32, 0u32);
    while (month, day) <= (12, 15) {
        if weekday < 5 {
            days.push(format!("2022-{month:02}-{day:02}"));
        }
        weekday = (weekday + 1) % 7;
        day += 1;
        if month == 11 && day > 30 {
            (month, day) = (12, 1);
        }
    }
    days
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rating {
    Khtnv,
    Htnv,
    Httnv,
    Htxsnv,
}

impl Rating {
    fn code(self) -> &'static str {
        match self {
            Rating::Htxsnv => "HTXSNV",
            Rating::Httnv => "HTTNV",
            Rating::Htnv => "HTNV",
            Rating::Khtnv => "KHTNV",
        }
    }
}

fn person(rng: &mut Rng) -> String {
    let family = rng.word(FAMILY);
    if rng.chance(50) {
        format!(
            "{family} {} {}",
            rng.word(MIDDLE_FEMALE),
            rng.word(GIVEN_FEMALE)
        )
    } else {
        format!(
            "{family} {} {}",
            rng.word(MIDDLE_MALE),
            rng.word(GIVEN_MALE)
        )
    }
}

/// `m` distinct names (a few retries per name; beyond that a repeat is allowed).
fn roster(rng: &mut Rng, m: usize) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(m);
    for _ in 0..m {
        let mut name = person(rng);
        for _ in 0..8 {
            if !names.contains(&name) {
                break;
            }
            name = person(rng);
        }
        names.push(name);
    }
    names
}

/// Quotes a YAML scalar when a plain one could be misread.
fn scalar(text: &str) -> String {
    let risky = text.contains(": ")
        || text.contains(" #")
        || text.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c));
    match risky {
        true => format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\"")),
        false => text.to_owned(),
    }
}

fn with_number(template: &str, rng: &mut Rng) -> String {
    template.replace("{n}", &rng.range(6, 60).to_string())
}

struct Branch {
    id: String,
    name: String,
    roster: Vec<String>,
    rating: Rating,
}

/// The collective ratings of `n` branches: a few HTNV, HTXSNV at most one
/// for every five HTTNV, the rest HTTNV; shuffled.
fn collective_ratings(rng: &mut Rng, n: usize) -> Vec<Rating> {
    let weak = n / 15;
    let rest = n - weak;
    let excellent = rest / 8;
    let mut ratings = vec![Rating::Httnv; n];
    for r in ratings.iter_mut().take(weak) {
        *r = Rating::Htnv;
    }
    for r in ratings.iter_mut().skip(weak).take(excellent) {
        *r = Rating::Htxsnv;
    }
    rng.shuffle(&mut ratings);
    ratings
}

/// The member ratings of a branch of `m` (secretary first, never above the
/// collective `branch`); HTXSNV ≤ 20% of HTTNV.
fn member_ratings(rng: &mut Rng, m: usize, branch: Rating) -> Vec<Rating> {
    if m == 0 {
        return Vec::new();
    }
    let khtnv = usize::from(m >= 6 && rng.chance(15));
    let htnv = rng.range(0, (m / 8).max(1)).min(m - khtnv);
    // A branch rated HTNV needs a secretary rated HTNV or lower.
    let htnv = match branch <= Rating::Htnv && khtnv == 0 {
        true => htnv.max(1),
        false => htnv,
    };
    let rest = m - khtnv - htnv;
    // x ≤ (rest − x) / 5 ⇔ 6x ≤ rest
    let excellent = match rest / 6 {
        0 => 0,
        most => rng.range(most.div_ceil(2), most),
    };
    let mut ratings = Vec::with_capacity(m);
    ratings.extend(std::iter::repeat_n(Rating::Khtnv, khtnv));
    ratings.extend(std::iter::repeat_n(Rating::Htnv, htnv));
    ratings.extend(std::iter::repeat_n(Rating::Htxsnv, excellent));
    ratings.extend(std::iter::repeat_n(Rating::Httnv, rest - excellent));
    // The secretary: the best rating not above the collective, HTTNV by
    // preference (HTXSNV only if nothing else fits).
    let wanted = branch.min(Rating::Httnv);
    let at = ratings
        .iter()
        .position(|&r| r == wanted)
        .or_else(|| ratings.iter().rposition(|&r| r <= branch))
        .unwrap_or(0);
    let secretary = ratings.remove(at);
    rng.shuffle(&mut ratings);
    ratings.insert(0, secretary);
    ratings
}

/// Generates the cycle files.
pub fn generate(spec: Spec) -> Files {
    let mut rng = Rng::new(spec.seed ^ 0x7661_6E62_616E);
    let days = meeting_days();
    let collectives = collective_ratings(&mut rng, spec.branches);
    let branches: Vec<Branch> = collectives
        .into_iter()
        .enumerate()
        .map(|(i, rating)| {
            let (slug, field) = FIELDS[i % FIELDS.len()];
            let (id, name) = match spec.branches > FIELDS.len() {
                true => {
                    let n = i / FIELDS.len() + 1;
                    (format!("{slug}-{n}"), format!("Chi bộ {field} {n}"))
                }
                false => (slug.to_owned(), format!("Chi bộ {field}")),
            };
            Branch {
                id,
                name,
                roster: roster(&mut rng, spec.members),
                rating,
            }
        })
        .collect();

    let mut files = Vec::with_capacity(spec.branches + 2);
    files.push(("cycle.yaml".to_owned(), cycle_yaml(spec, &branches)));
    for b in &branches {
        let text = results_yaml(&mut rng, b, &branches, &days);
        files.push((format!("results/{}.yaml", b.id), text));
    }
    files.push(("votes.yaml".to_owned(), votes_yaml(&mut rng, &branches)));
    Files { files }
}

fn cycle_yaml(spec: Spec, branches: &[Branch]) -> String {
    let header = EXAMPLE_CYCLE
        .find("\nbranches:")
        .map_or(EXAMPLE_CYCLE, |at| &EXAMPLE_CYCLE[..at + 1]);
    let header = header
        .lines()
        .skip_while(|l| l.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = format!(
        "# Chu kỳ sinh tự động (examples/gen_cycle.rs): {} chi bộ × {} đảng viên, seed {}.\n\
         # Dữ liệu giả định để đo hiệu năng; phần đầu lấy từ fixtures/quang-binh-2022.\n",
        spec.branches, spec.members, spec.seed
    );
    out.push_str(&header);
    out.push_str("\nbranches:\n");
    for b in branches {
        let secretary = b.roster.first().map_or("", String::as_str);
        let _ = writeln!(out, "  - id: {}", b.id);
        let _ = writeln!(out, "    name: {}", scalar(&b.name));
        let _ = writeln!(out, "    secretary: {}", scalar(secretary));
        let _ = writeln!(out, "    members: {}", b.roster.len());
        if spec.roster && !b.roster.is_empty() {
            out.push_str("    roster:\n");
            for name in &b.roster {
                let _ = writeln!(out, "      - {}", scalar(name));
            }
        }
    }
    out
}

fn results_yaml(rng: &mut Rng, b: &Branch, all: &[Branch], days: &[String]) -> String {
    let m = b.roster.len();
    let ratings = member_ratings(rng, m, b.rating);
    let mut out = String::with_capacity(200 + 120 * m);
    let _ = writeln!(out, "branch: {}", b.id);
    out.push_str("meeting:\n");
    let _ = writeln!(out, "  date: {}", rng.pick(days));
    let _ = writeln!(
        out,
        "  place: Phòng họp tầng {}, Văn phòng UBND tỉnh",
        rng.range(1, 5)
    );
    let secretary = b.roster.first().map_or("", String::as_str);
    let clerk = match m {
        0 | 1 => secretary,
        _ => b.roster[rng.range(1, m - 1)].as_str(),
    };
    let _ = writeln!(out, "  chair: {}", scalar(secretary));
    let _ = writeln!(out, "  clerk: {}", scalar(clerk));
    if rng.chance(40) {
        let guest_branch = rng.pick(all);
        if let Some(guest) = guest_branch.roster.first() {
            let title = rng.word(GUEST_TITLES);
            out.push_str("  guests:\n");
            let _ = writeln!(
                out,
                "    - {}",
                scalar(&format!("Đồng chí {guest}, {title}"))
            );
        }
    }
    out.push_str("collective:\n");
    let _ = writeln!(out, "  rating: {}", b.rating.code());
    if b.rating == Rating::Htxsnv {
        let text = with_number(rng.word(COLLECTIVE_ACHIEVEMENTS), rng);
        let _ = writeln!(out, "  achievements: {}", scalar(&text));
    }
    let _ = writeln!(out, "  strengths: {}", scalar(rng.word(STRENGTHS)));
    let _ = writeln!(out, "  shortcomings: {}", scalar(rng.word(SHORTCOMINGS)));
    let _ = writeln!(out, "  remedies: {}", scalar(rng.word(REMEDIES)));
    out.push_str("members:\n");
    for (i, (name, rating)) in b.roster.iter().zip(&ratings).enumerate() {
        let _ = writeln!(out, "  - name: {}", scalar(name));
        let role = match i {
            0 => Some("bi-thu"),
            1 if m >= 7 => Some("pho-bi-thu"),
            2 if m >= 9 => Some("chi-uy-vien"),
            _ => None,
        };
        if let Some(role) = role {
            let _ = writeln!(out, "    role: {role}");
        }
        let _ = writeln!(out, "    rating: {}", rating.code());
        match rating {
            Rating::Htxsnv => {
                let text = with_number(rng.word(MEMBER_ACHIEVEMENTS), rng);
                let _ = writeln!(out, "    achievements: {}", scalar(&text));
            }
            Rating::Khtnv if b.rating != Rating::Htxsnv && rng.chance(50) => {
                let _ = writeln!(out, "    discipline: {}", rng.word(DISCIPLINE));
                out.push_str("    self_remedied: false\n");
            }
            _ => {}
        }
    }
    out
}

fn votes_yaml(rng: &mut Rng, branches: &[Branch]) -> String {
    // The confidence vote is held at a conference of the organisation's
    // key members (the example: 48 of 62), never more than a few dozen:
    // counts in the thousands would read as years to `stale-year`.
    let members: usize = branches.iter().map(|b| b.roster.len()).sum();
    let convened = members.min(rng.range(40, 80)).max(3);
    let present = convened - rng.range(0, convened / 10);
    let valid = present - rng.range(0, present / 40);
    let mut out = String::new();
    out.push_str("date: 2022-12-16\n");
    out.push_str("place: Hội trường Văn phòng UBND tỉnh\n");
    out.push_str("board:\n");
    let board: Vec<&String> = branches
        .iter()
        .filter_map(|b| b.roster.get(1))
        .take(3)
        .collect();
    for (i, name) in board.iter().enumerate() {
        let role = match i {
            0 => "Trưởng ban",
            _ => "Thành viên",
        };
        let _ = writeln!(out, "  - {{ name: {}, role: {role} }}", scalar(name));
    }
    let _ = writeln!(out, "convened: {convened}");
    let _ = writeln!(out, "present: {present}");
    let _ = writeln!(
        out,
        "ballots: {{ issued: {present}, returned: {present}, valid: {valid} }}"
    );
    out.push_str("people:\n");
    let positions = [
        "Chánh Văn phòng UBND tỉnh",
        "Phó Chánh Văn phòng UBND tỉnh",
        "Phó Chánh Văn phòng UBND tỉnh",
        "Phó Chánh Văn phòng UBND tỉnh",
        "Phó Chánh Văn phòng UBND tỉnh",
    ];
    for (b, position) in branches.iter().zip(positions) {
        let Some(name) = b.roster.first() else {
            continue;
        };
        let low = rng.range(0, valid / 12);
        let trust = rng.range(0, (valid - low) / 4);
        let high = valid - low - trust;
        let _ = writeln!(out, "  - name: {}", scalar(name));
        let _ = writeln!(out, "    position: {position}");
        let _ = writeln!(out, "    high: {high}");
        let _ = writeln!(out, "    trust: {trust}");
        let _ = writeln!(out, "    low: {low}");
    }
    out
}
