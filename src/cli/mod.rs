//! The command line: one file per command. Help texts are Vietnamese
//! here, English in `lang` (picked by `--lang` before clap parses).

mod build;
mod check;
mod clap_error;
mod collect;
mod init;
mod lang;
mod new_cycle;
mod report;
mod stats;
mod xlsx;

use crate::diagnostic::Lang;
use clap::error::ErrorKind;
use clap::{ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

const HELP_TEMPLATE: &str = "\
{about-with-newline}
Cách dùng: {usage}

{before-help}Lệnh:
{subcommands}
{positionals}
Tùy chọn:
{options}{after-help}";

const SUB_TEMPLATE: &str = "\
{about-with-newline}
Cách dùng: {usage}

Đối số:
{positionals}

Tùy chọn:
{options}{after-help}";

const EXAMPLES: &str = "\
Ví dụ:
  vanban check fixtures/quang-binh-2022        kiểm tra dữ liệu một chu kỳ
  vanban check fixtures/quang-binh-2022 --format json
  vanban build fixtures/quang-binh-2022 -o out  kiểm tra rồi xuất văn bản
  vanban build                                  xuất ví dụ có sẵn (Quảng Bình 2022) vào ./out
  vanban new-cycle fixtures/quang-binh-2022 --year 2023 -o chu-ky-2023
                                                tạo chu kỳ năm sau từ chu kỳ năm trước
  vanban build chu-ky-2023 --draft -o du-thao   in dự thảo, các chỗ cần điền tô vàng
  vanban collect chu-ky-2023 bao-cao-*.docx      đọc lại các mẫu báo cáo chi bộ đã điền vào results/

Mã thoát: 0 thành công (có thể có cảnh báo); 1 dữ liệu vi phạm quy định (không ghi gì);
2 không đọc được dữ liệu hoặc sai dòng lệnh (không ghi gì).";

#[derive(Parser)]
#[command(
    name = "vanban",
    version,
    about = "vanban — soạn văn bản Đảng (công văn, báo cáo, biên bản) từ dữ liệu YAML của một đợt kiểm điểm, đánh giá, xếp loại",
    help_template = HELP_TEMPLATE,
    subcommand_help_heading = "Lệnh",
    after_help = EXAMPLES,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    common: Common,
}

/// Options every command takes.
#[derive(Args, Clone, Copy)]
pub struct Common {
    /// Ngôn ngữ của thông báo: vi (mặc định) hoặc en
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "vi",
        hide_default_value = true,
        hide_possible_values = true
    )]
    lang: Lang,
    /// Dạng in kết quả và chẩn đoán: text (mặc định) hoặc json (ra stdout, cho chương trình khác); stats còn nhận xlsx (bảng tính, cần -o)
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "text",
        hide_default_value = true,
        hide_possible_values = true
    )]
    format: Format,
    /// In trợ giúp
    #[arg(short, long, global = true, action = ArgAction::Help)]
    help: Option<bool>,
    /// In phiên bản
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    /// `stats` only: the statistics annex as a spreadsheet.
    Xlsx,
}

#[derive(Subcommand)]
enum Command {
    /// Đọc và kiểm tra dữ liệu chu kỳ theo các quy định; không ghi tệp nào
    #[command(help_template = SUB_TEMPLATE, after_help = EXAMPLES)]
    Check {
        /// Thư mục chu kỳ (chứa cycle.yaml) hoặc đường dẫn tới cycle.yaml
        cycle: PathBuf,
    },
    /// Kiểm tra rồi xuất mọi văn bản (DOCX và Markdown); không có CHU_KỲ thì dùng ví dụ có sẵn
    #[command(help_template = SUB_TEMPLATE, after_help = EXAMPLES)]
    Build {
        /// Thư mục chu kỳ; bỏ trống để dùng ví dụ có sẵn (Quảng Bình 2022)
        cycle: Option<PathBuf>,
        /// Thư mục xuất (mặc định ./out)
        #[arg(short, long, default_value = "out", hide_default_value = true)]
        output: PathBuf,
        /// In bản dự thảo: các chỗ giữ [[…]] chưa điền không chặn việc xuất mà được tô vàng, trang đầu có dấu DỰ THẢO
        #[arg(long)]
        draft: bool,
        /// Xuất báo cáo tổng hợp dù còn chi bộ chưa gửi kết quả: bản dự thảo, nêu tên các chi bộ đó, không tính vào số liệu
        #[arg(long)]
        partial: bool,
        /// Xuất thêm bản PDF cạnh mỗi tệp DOCX (cần LibreOffice; biến VANBAN_SOFFICE chỉ đường dẫn soffice nếu cần)
        #[arg(long)]
        pdf: bool,
        /// Ghi vào thư mục xuất đang chứa văn bản của chu kỳ khác, thay các văn bản đó
        #[arg(long)]
        force: bool,
    },
    /// In số liệu tổng hợp: xếp loại đảng viên, tập thể, mức tối đa HTXSNV (--format json: in JSON)
    #[command(help_template = SUB_TEMPLATE, after_help = EXAMPLES)]
    Stats {
        /// Thư mục chu kỳ (chứa cycle.yaml) hoặc đường dẫn tới cycle.yaml
        cycle: PathBuf,
        /// Tệp bảng tính cần ghi (với --format xlsx), ví dụ thong-ke.xlsx
        #[arg(short, long, value_name = "TỆP")]
        output: Option<PathBuf>,
    },
    /// Đọc lại các mẫu báo cáo chi bộ đã điền (DOCX) vào results/<mã-chi-bộ>.yaml, kiểm tra như check rồi ghi
    #[command(help_template = SUB_TEMPLATE, after_help = collect::AFTER_HELP)]
    Collect {
        /// Thư mục chu kỳ (chứa cycle.yaml) hoặc đường dẫn tới cycle.yaml
        cycle: PathBuf,
        /// Các mẫu báo cáo chi bộ đã điền (DOCX), mỗi chi bộ một tệp
        #[arg(required = true, value_name = "MẪU.docx")]
        forms: Vec<PathBuf>,
        /// Thay tệp results/<mã-chi-bộ>.yaml đã có bằng kết quả đọc từ mẫu
        #[arg(long)]
        force: bool,
    },
    /// Tạo chu kỳ năm mới từ chu kỳ năm trước: năm, bộ quy định, văn bản trích dẫn, ngày tháng; số văn bản để trống chờ điền
    #[command(name = "new-cycle", help_template = SUB_TEMPLATE, after_help = EXAMPLES)]
    NewCycle {
        /// Thư mục chu kỳ cũ (chứa cycle.yaml) hoặc đường dẫn tới cycle.yaml
        cycle: PathBuf,
        /// Năm kiểm điểm của chu kỳ mới
        #[arg(long, value_name = "NĂM")]
        year: i32,
        /// Thư mục chu kỳ mới (chưa có, hoặc rỗng)
        #[arg(short, long, value_name = "THƯ_MỤC")]
        output: PathBuf,
    },
    /// Tạo một chu kỳ khởi đầu có chú thích: cycle.yaml với các chỗ [[…]] cần điền
    #[command(help_template = SUB_TEMPLATE, after_help = EXAMPLES)]
    Init {
        /// Thư mục chu kỳ mới (chưa có, hoặc rỗng)
        dir: PathBuf,
        /// Năm kiểm điểm (mặc định: năm hiện tại)
        #[arg(long, value_name = "NĂM")]
        year: Option<i32>,
        /// Danh sách đảng viên (.xlsx, .xls, .ods, .csv): các chi bộ lấy theo cột “Chi bộ”, tệp được chép vào chu kỳ
        #[arg(long, value_name = "DANH_SÁCH")]
        roster: Option<PathBuf>,
    },
}

/// Parses the command line in the user's language (help, usage and errors
/// alike); `Err` is the exit code after help, version or a parse error.
fn parse(args: Vec<std::ffi::OsString>) -> Result<Cli, u8> {
    let (lang, format) = lang::prescan(&args);
    let cmd = lang::localize(Cli::command(), lang);
    let parsed = cmd
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    parsed.map_err(|e| match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let help = lang::finish(&e.render().to_string(), lang);
            report::out(help.trim_end());
            0
        }
        kind => {
            clap_error::print(&e, lang, format);
            let bare = matches!(
                kind,
                ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            );
            if bare && format == Format::Text {
                let help = lang::localize(Cli::command(), lang).render_help();
                eprint!("\n{}", lang::finish(&help.to_string(), lang));
            }
            2
        }
    })
}

/// Parses the command line and runs the command.
pub fn run() -> ExitCode {
    let cli = match parse(std::env::args_os().collect()) {
        Ok(cli) => cli,
        Err(code) => return ExitCode::from(code),
    };
    if cli.common.format == Format::Xlsx && !matches!(cli.command, Command::Stats { .. }) {
        let message = crate::diagnostic::Message::new(
            "--format xlsx chỉ dùng với lệnh stats (vanban stats CHU_KY --format xlsx -o TỆP.xlsx)",
            "--format xlsx is for the stats command only (vanban stats CYCLE --format xlsx -o FILE.xlsx)",
        );
        clap_error::print_misuse(message, "stats", cli.common.lang, cli.common.format);
        return ExitCode::from(2);
    }
    let code = match cli.command {
        Command::Check { cycle } => check::run(&cycle, cli.common),
        Command::Build {
            cycle,
            output,
            draft,
            partial,
            pdf,
            force,
        } => build::run(
            cycle.as_deref(),
            &output,
            crate::pipeline::Options {
                draft,
                partial,
                pdf,
                force,
                example: false,
            },
            cli.common,
        ),
        Command::Stats { cycle, output } => stats::run(&cycle, output.as_deref(), cli.common),
        Command::Collect {
            cycle,
            forms,
            force,
        } => collect::run(&cycle, &forms, force, cli.common),
        Command::NewCycle {
            cycle,
            year,
            output,
        } => new_cycle::run(&cycle, year, &output, cli.common),
        Command::Init { dir, year, roster } => init::run(&dir, year, roster.as_deref(), cli.common),
    };
    ExitCode::from(code)
}
